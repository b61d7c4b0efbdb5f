/**
 * HTTP Tasks ({@code arn:aws:states:::http:invoke}): {@link io.quickstep.httptask.HttpTasks} calls
 * HTTP APIs as AWS Step Functions does, authorized by the named connections of
 * {@link io.quickstep.httptask.HttpConnections} and only on the hosts a
 * {@link io.quickstep.httptask.HostAllowList} allows.
 */
package io.quickstep.httptask;
