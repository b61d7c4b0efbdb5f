package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;

/** The condition of a filter step {@code [?(...)]}, tested against each candidate node. */
interface Predicate {

    boolean test(JsonNode current, JsonNode root);

    record Or(Predicate left, Predicate right) implements Predicate {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) || right.test(current, root);
        }
    }

    record And(Predicate left, Predicate right) implements Predicate {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) && right.test(current, root);
        }
    }

    record Not(Predicate operand) implements Predicate {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return !operand.test(current, root);
        }
    }

    /** {@code [?(@.x)]}: the path finds something, JSON null included. */
    record Exists(Operand path) implements Predicate {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return path.value(current, root) != null;
        }
    }

    /**
     * A comparison, with Jayway's rules: {@code ==} needs both sides present and equal as JSON
     * values (numbers by value); {@code !=} is its negation, so a missing side makes it true; the
     * orderings hold only between two numbers or two strings.
     */
    record Compare(Operand left, Relation relation, Operand right) implements Predicate {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            JsonNode a = left.value(current, root);
            JsonNode b = right.value(current, root);
            if (relation == Relation.EQ || relation == Relation.NE) {
                boolean equal = a != null && b != null && JsonEquality.equal(a, b);
                return equal == (relation == Relation.EQ);
            }
            if (a == null || b == null) {
                return false;
            }
            int order;
            if (a.isNumber() && b.isNumber()) {
                order = a.decimalValue().compareTo(b.decimalValue());
            } else if (a.isTextual() && b.isTextual()) {
                order = a.textValue().compareTo(b.textValue());
            } else {
                return false;
            }
            return relation.holds(order);
        }
    }

    enum Relation {
        EQ, NE, LT, LE, GT, GE;

        boolean holds(int order) {
            switch (this) {
                case LT: return order < 0;
                case LE: return order <= 0;
                case GT: return order > 0;
                case GE: return order >= 0;
                default: throw new IllegalStateException(name());
            }
        }
    }
}
