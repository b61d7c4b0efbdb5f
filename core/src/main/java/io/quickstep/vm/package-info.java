/** Internal: part of the engine, not of its API; it may change in any release. */
package io.quickstep.vm;
