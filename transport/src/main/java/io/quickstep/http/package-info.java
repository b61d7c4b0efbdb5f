/**
 * The HTTP ingress: the AWS Step Functions API (AWS JSON 1.0 over HTTP/1.1) on Netty, so that the
 * AWS SDKs and the AWS CLI work against a {@link io.quickstep.service.StepFunctionsApi} with only
 * their endpoint changed; plus {@code GET /health}, {@code GET /metrics} (Prometheus text) and,
 * when given {@link io.quickstep.http.WebUi}, the live view's pages at {@code GET /ui} (made off the
 * event loops by their {@link io.quickstep.http.WebPages}).
 *
 * <h2>Threading</h2>
 * A fixed group of event loops ({@link io.quickstep.http.IngressSettings#eventLoops()}, native epoll
 * where available, else NIO; {@code -Dquickstep.http.transport} chooses) accepts and serves the
 * connections; each connection stays on one loop for its life, so nothing of a connection is
 * shared or locked. On its loop a request is decoded, its signature checked (when authentication
 * is on), its body parsed, and the API called; the API answers through a
 * {@link java.util.concurrent.CompletionStage} that an engine shard (or any thread) completes, and
 * the answer is handed back to the connection's loop, encoded there and written in request order
 * (HTTP/1.1 pipelining). No thread of the ingress waits for an execution, and nothing on a loop
 * blocks: Signature Version 4 verification is a SHA-256 of the body and a few HMACs (the signing
 * key of a day is cached), done on the loop.
 *
 * <h2>Limits</h2>
 * What one client can hold is bounded ({@link io.quickstep.http.IngressSettings}): connections open
 * at once (one more is closed at once); requests read and not yet answered per connection (at the
 * bound, and while a client does not read its answers, the connection is not read; the requests of
 * the last read, at most 64 KiB of them, wait decoded, so a client may pipeline any number); the request
 * line (4 KiB, else HTTP 414) and headers (16 KiB together, else 431); the body (1 MiB, AWS's limit:
 * {@code RequestEntityTooLargeException}, HTTP 413, and the connection goes on); and idle time (a
 * connection whose client has sent nothing for 60 s is closed, unless an answer is pending, was
 * written within the 60 s, or is still being taken by the client: so 60-120 s after its last traffic).
 * A request that is not
 * HTTP gets 400 and the connection is closed. Every error is AWS's shape ({@code __type},
 * {@code message}); a fault of the server is answered {@code InternalFailure} (HTTP 500) and logged,
 * never shown to the client.
 *
 * <h2>Authentication</h2>
 * Off by default, and then it costs nothing (one null check per request); the server then listens
 * on loopback only unless told {@code --insecure} ({@link io.quickstep.http.Exposure}). With
 * {@link io.quickstep.http.SigV4Verifier} every API request and {@code /metrics} must carry an AWS
 * Signature Version 4 made with a key of an {@link io.quickstep.http.AccessKeys} file, else it gets
 * AWS's {@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
 * {@code InvalidSignatureException} (wrong signature, or X-Amz-Date more than five minutes off) or
 * {@code UnrecognizedClientException} (unknown key or session token), each HTTP 400;
 * {@code /health} needs none, and the live view's pages take a signature or the view's token
 * ({@link io.quickstep.http.WebUi}). Authentication proves who signed, and nothing more: every key may call
 * every operation.
 */
package io.quickstep.http;
