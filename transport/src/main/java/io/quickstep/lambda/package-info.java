/**
 * Lambda functions reached over HTTP: {@link io.quickstep.lambda.LambdaEndpoint} answers the Task
 * states whose functions have no handler in the process, through the Lambda Invoke API of a server
 * that speaks it (the Lambda runtime interface emulator, SAM local, other local clouds).
 */
package io.quickstep.lambda;
