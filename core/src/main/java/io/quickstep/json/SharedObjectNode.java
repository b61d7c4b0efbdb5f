package io.quickstep.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An object that is another object with one member set: what ResultPath produces. Instead of
 * copying every member of the base, it keeps the base and the one member, so placing a result in a
 * large input costs the same as in a small one. It reads like any {@link ObjectNode}; the first
 * change made to it (nothing in the engine changes a value, but a task handler might) copies the
 * members into a map of its own, so the base is never changed. Overlays on overlays are allowed up
 * to {@link #MAX_DEPTH}; beyond that a copy is made, so lookups stay short.
 */
public final class SharedObjectNode extends ObjectNode {
    static final int MAX_DEPTH = 8;
    private final int depth;

    private SharedObjectNode(ObjectNode base, String key, JsonNode value, int depth) {
        super(Json.NODES, new Overlay(base, key, value));
        this.depth = depth;
    }

    /** {@code base} with member {@code key} set to {@code value}; {@code base} is left as it is. */
    public static ObjectNode with(ObjectNode base, String key, JsonNode value) {
        int depth = base instanceof SharedObjectNode ? ((SharedObjectNode) base).depth + 1 : 1;
        if (depth > MAX_DEPTH) {
            ObjectNode copy = Json.NODES.objectNode();
            copy.setAll(base);
            copy.set(key, value);
            return copy;
        }
        return new SharedObjectNode(base, key, value, depth);
    }

    /**
     * The object this one is with {@link #addedName()} added after its members, or null when this
     * one replaced a member or has been changed since. A writer can then reuse the base's text.
     */
    public ObjectNode extendedBase() {
        Overlay overlay = (Overlay) _children;
        ObjectNode base = overlay.base; // null once changed
        return overlay.own == null && !overlay.replaces ? base : null;
    }

    /** The name of the member this object sets over its base. */
    public String addedName() {
        return ((Overlay) _children).key;
    }

    /** The value of the member this object sets over its base. */
    public JsonNode addedValue() {
        return ((Overlay) _children).value;
    }

    /** The members of the base, with one set; a map of its own once anything changes it. */
    private static final class Overlay extends AbstractMap<String, JsonNode> {
        private ObjectNode base;
        private final String key;
        private final JsonNode value;
        private final boolean replaces;
        private Map<String, JsonNode> own;

        Overlay(ObjectNode base, String key, JsonNode value) {
            this.base = base;
            this.key = key;
            this.value = value;
            this.replaces = base.has(key);
        }

        private Map<String, JsonNode> own() {
            if (own == null) {
                Map<String, JsonNode> copy = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = base.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    copy.put(member.getKey(), member.getValue());
                }
                copy.put(key, value);
                own = copy;
                base = null;
            }
            return own;
        }

        @Override
        public int size() {
            return own != null ? own.size() : base.size() + (replaces ? 0 : 1);
        }

        @Override
        public JsonNode get(Object name) {
            if (own != null) {
                return own.get(name);
            }
            return key.equals(name) ? value : name instanceof String ? base.get((String) name) : null;
        }

        @Override
        public boolean containsKey(Object name) {
            if (own != null) {
                return own.containsKey(name);
            }
            return key.equals(name) || name instanceof String && base.has((String) name);
        }

        @Override
        public JsonNode put(String name, JsonNode member) {
            return own().put(name, member);
        }

        @Override
        public JsonNode remove(Object name) {
            return own().remove(name);
        }

        @Override
        public void clear() {
            own().clear();
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            if (own != null) {
                return own.entrySet();
            }
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return Overlay.this.size();
                }

                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    return own != null ? own.entrySet().iterator() : new Members();
                }
            };
        }

        /** The base's members in order, the set one in its place or, if new, last. Read-only. */
        private final class Members implements Iterator<Entry<String, JsonNode>> {
            private final Iterator<Entry<String, JsonNode>> baseMembers = base.fields();
            private boolean addedPending = !replaces;

            @Override
            public boolean hasNext() {
                return baseMembers.hasNext() || addedPending;
            }

            @Override
            public Entry<String, JsonNode> next() {
                if (baseMembers.hasNext()) {
                    Entry<String, JsonNode> member = baseMembers.next();
                    // Never the base's own entry: its setValue would change the base.
                    return new SimpleImmutableEntry<>(member.getKey(),
                            key.equals(member.getKey()) ? value : member.getValue());
                }
                if (addedPending) {
                    addedPending = false;
                    return new SimpleImmutableEntry<>(key, value);
                }
                throw new NoSuchElementException();
            }
        }
    }
}
