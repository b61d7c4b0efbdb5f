package io.quickstep.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.quickstep.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser from path text to a {@link JsonPath}; every fault is a {@link PathSyntaxException}. */
final class PathParser {
    /** Two-character symbols come first, so that "<=" is not read as "<". */
    private static final String[] RELATION_SYMBOLS = {"==", "!=", "<=", ">=", "<", ">"};
    private static final Predicate.Relation[] RELATIONS = {Predicate.Relation.EQ, Predicate.Relation.NE,
            Predicate.Relation.LE, Predicate.Relation.GE, Predicate.Relation.LT, Predicate.Relation.GT};

    private final String text;
    private int pos;

    private PathParser(String text) {
        this.text = text;
    }

    static JsonPath parse(String text) {
        return new PathParser(text).path();
    }

    private JsonPath path() {
        if (!text.startsWith("$")) {
            throw error("a path starts with '$'");
        }
        JsonPath.Root root;
        String variable = null;
        if (text.startsWith("$$")) {
            root = JsonPath.Root.CONTEXT;
            pos = 2;
        } else if (text.length() > 1 && (Character.isLetter(text.charAt(1)) || text.charAt(1) == '_')) {
            root = JsonPath.Root.VARIABLE;
            pos = 1;
            while (pos < text.length() && isVariableChar(text.charAt(pos))) {
                pos++;
            }
            variable = text.substring(1, pos);
        } else {
            root = JsonPath.Root.INPUT;
            pos = 1;
        }
        CompiledPath steps = steps(false);
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return new JsonPath(text, root, variable, steps);
    }

    private static boolean isVariableChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** Steps until the end, or, inside a filter, until a character that cannot continue a path. */
    private CompiledPath steps(boolean inFilter) {
        List<Step> steps = new ArrayList<>();
        while (pos < text.length()) {
            if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof NamesStep) {
                throw error("several names in brackets can only end a path");
            }
            char c = text.charAt(pos);
            if (text.startsWith("..", pos)) {
                pos += 2;
                steps.add(new DeepScanStep());
                steps.add(afterDeepScan(inFilter));
            } else if (c == '.') {
                pos++;
                steps.add(dotStep(inFilter));
            } else if (c == '[') {
                steps.add(bracket(false));
            } else if (inFilter) {
                break;
            } else {
                throw error("expected '.' or '[' but found '" + c + "'");
            }
        }
        return new CompiledPath(steps.toArray(new Step[0]));
    }

    private Step afterDeepScan(boolean inFilter) {
        if (pos < text.length() && text.charAt(pos) == '[') {
            return bracket(true);
        }
        return dotStep(inFilter);
    }

    /** After a '.' (or '..'): {@code *} or a name. */
    private Step dotStep(boolean inFilter) {
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
            return new WildcardStep();
        }
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == '[' || inFilter && endsFilterName(c)) {
                break;
            }
            if (Character.isWhitespace(c)) {
                throw error("use bracket notation ['my name'] for a name with blanks");
            }
            if (c == '(') {
                throw error("functions are not supported");
            }
            pos++;
        }
        if (pos == start) {
            throw error("expected a name");
        }
        return new NameStep(text.substring(start, pos));
    }

    private static boolean endsFilterName(char c) {
        return Character.isWhitespace(c) || "()=!<>&|,".indexOf(c) >= 0;
    }

    /** {@code [...]}: wildcard, filter, quoted name(s), index(es) or slice. */
    private Step bracket(boolean afterScan) {
        pos++;
        skipBlanks();
        Step step;
        char c = peek();
        if (c == '*') {
            pos++;
            step = new WildcardStep();
        } else if (c == '?') {
            pos++;
            expect('(');
            Predicate predicate = or();
            skipBlanks();
            expect(')');
            step = new FilterStep(predicate, afterScan);
        } else if (c == '\'' || c == '"') {
            step = names();
        } else if (c == '-' || c == ':' || c >= '0' && c <= '9') {
            step = indexes();
        } else {
            throw error("expected '*', '?', a quoted name or an index");
        }
        skipBlanks();
        expect(']');
        return step;
    }

    private Step names() {
        List<String> names = new ArrayList<>();
        names.add(quoted());
        skipBlanks();
        while (peek() == ',') {
            pos++;
            skipBlanks();
            names.add(quoted());
            skipBlanks();
        }
        return names.size() == 1 ? new NameStep(names.get(0)) : new NamesStep(names.toArray(new String[0]));
    }

    private Step indexes() {
        Integer first = peek() == ':' ? null : integer();
        skipBlanks();
        if (peek() == ':') {
            pos++;
            skipBlanks();
            Integer to = peek() == ']' ? null : integer();
            return new SliceStep(first, to);
        }
        if (peek() != ',') {
            return new IndexStep(first);
        }
        List<Integer> indexes = new ArrayList<>();
        indexes.add(first);
        while (peek() == ',') {
            pos++;
            skipBlanks();
            indexes.add(integer());
            skipBlanks();
        }
        return new IndexUnionStep(indexes.stream().mapToInt(Integer::intValue).toArray());
    }

    private int integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected an integer");
        }
    }

    /** A quoted string; a backslash escapes the quote character and is otherwise literal (as on AWS). */
    private String quoted() {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw error("expected a quoted string");
        }
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && pos < text.length() && text.charAt(pos) == quote) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        pos = start;
        throw error("unterminated string");
    }

    // Filter expressions: or := and ('||' and)*; and := unary ('&&' unary)*;
    // unary := '!' unary | '(' or ')' | operand [relation operand]

    private Predicate or() {
        Predicate left = and();
        while (skipBlanks() && text.startsWith("||", pos)) {
            pos += 2;
            left = new Predicate.Or(left, and());
        }
        return left;
    }

    private Predicate and() {
        Predicate left = unary();
        while (skipBlanks() && text.startsWith("&&", pos)) {
            pos += 2;
            left = new Predicate.And(left, unary());
        }
        return left;
    }

    private Predicate unary() {
        skipBlanks();
        if (peek() == '!' && !text.startsWith("!=", pos)) {
            pos++;
            return new Predicate.Not(unary());
        }
        if (peek() == '(') {
            pos++;
            Predicate inner = or();
            skipBlanks();
            expect(')');
            return inner;
        }
        int start = pos;
        Operand left = operand();
        skipBlanks();
        Predicate.Relation relation = relation();
        if (relation == null) {
            if (!left.isPath()) {
                pos = start;
                throw error("a filter condition on its own must be a path");
            }
            return new Predicate.Exists(left);
        }
        skipBlanks();
        return new Predicate.Compare(left, relation, operand());
    }

    private Predicate.Relation relation() {
        for (int i = 0; i < RELATION_SYMBOLS.length; i++) {
            if (text.startsWith(RELATION_SYMBOLS[i], pos)) {
                pos += RELATION_SYMBOLS[i].length();
                return RELATIONS[i];
            }
        }
        if (text.startsWith("=~", pos)) {
            throw error("regular expressions are not supported");
        }
        return null;
    }

    private Operand operand() {
        char c = peek();
        if (c == '@' || c == '$') {
            pos++;
            return new Operand.PathOperand(steps(true), c == '$');
        }
        if (c == '\'' || c == '"') {
            return new Operand.Literal(Json.NODES.textNode(quoted()));
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return new Operand.Literal(number());
        }
        for (String word : new String[]{"true", "false", "null"}) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return new Operand.Literal(word.equals("null") ? Json.NODES.nullNode()
                        : Json.NODES.booleanNode(word.equals("true")));
            }
        }
        throw error("expected '@', '$', a string, a number, true, false or null");
    }

    private JsonNode number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Json.NODES.numberNode(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number");
        }
    }

    /** Skips blanks; always true, so it can sit inside a loop condition. */
    private boolean skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return true;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private PathSyntaxException error(String reason) {
        return new PathSyntaxException(text, pos, reason);
    }
}
