package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object as the read-only {@link Map} JSONata navigates. Members are converted when they are
 * read, so binding a large value costs nothing, and a view that comes back as a result unwraps to
 * the very node it shows.
 */
final class ObjectView extends AbstractMap<String, Object> {
    private final JsonNode node;

    ObjectView(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    @Override
    public Object get(Object key) {
        JsonNode member = key instanceof String name ? node.get(name) : null;
        return member == null ? null : JsonataValues.toJsonata(member);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && node.has(name);
    }

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, JsonNode>> members = node.properties().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return members.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        Entry<String, JsonNode> member = members.next();
                        return new SimpleImmutableEntry<>(member.getKey(), JsonataValues.toJsonata(member.getValue()));
                    }
                };
            }

            @Override
            public int size() {
                return node.size();
            }
        };
    }
}
