package io.quickstep.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A JSON array as the read-only {@link java.util.List} JSONata navigates; see {@link ObjectView}.
 * It is a plain list, not a JSONata sequence, so a one-item array stays an array.
 */
final class ArrayView extends AbstractList<Object> implements RandomAccess {
    private final JsonNode node;

    ArrayView(JsonNode node) {
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= node.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return JsonataValues.toJsonata(node.get(index));
    }

    @Override
    public int size() {
        return node.size();
    }
}
