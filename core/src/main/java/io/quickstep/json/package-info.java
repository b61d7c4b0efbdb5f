/**
 * The one JSON reader and writer: {@link io.quickstep.json.Json} parses and writes Jackson trees as
 * the engine does (exact decimals, no trailing tokens, at most 512 levels deep). Values handed to or
 * returned by handlers are never changed by the engine once built.
 */
package io.quickstep.json;
