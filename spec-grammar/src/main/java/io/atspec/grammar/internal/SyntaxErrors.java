package io.atspec.grammar.internal;

import io.atspec.grammar.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery, with messages phrased for a person: what was expected, after what, and
 * what was found, instead of a dump of token names. Every message goes to the {@link Reporter};
 * nothing goes to the console.
 */
public final class SyntaxErrors extends DefaultErrorStrategy {

    private final Reporter reporter;

    public SyntaxErrors(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * ANTLR may drop one token it finds in the way. Never drop a ';' or a brace: they close
     * statements and blocks, and dropping one makes the next keyword look like a name, which
     * turns one mistake into a cascade of misleading ones.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        int next = parser.getInputStream().LA(1);
        if (next == AtSpecLexer.SEMI || next == AtSpecLexer.RBRACE || next == AtSpecLexer.LBRACE) {
            return null;
        }
        return super.singleTokenDeletion(parser);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        report(parser, e.getOffendingToken(), expectation(parser, e.getExpectedTokens()));
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        report(parser, e.getOffendingToken(), expectation(parser, e.getExpectedTokens()));
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        report(parser, e.getOffendingToken(), "the input here");
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), expectation(parser, getExpectedTokens(parser)));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getCurrentToken(), expectation(parser, getExpectedTokens(parser)));
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        if (e instanceof NoViableAltException noViable) {
            reportNoViableAlternative(parser, noViable);
        } else if (e instanceof InputMismatchException mismatch) {
            reportInputMismatch(parser, mismatch);
        } else if (e instanceof FailedPredicateException predicate) {
            reportFailedPredicate(parser, predicate);
        } else {
            report(parser, e.getOffendingToken(), "valid input");
        }
    }

    private void report(Parser parser, Token offending, String expected) {
        Token token = offending != null ? offending : parser.getCurrentToken();
        String message = lexicalProblem(token);
        if (message == null) {
            Token previous = previousToken(parser.getInputStream(), token);
            message = "expected "
                    + expected
                    + (previous != null ? " after '" + shorten(previous.getText()) + "'" : "")
                    + ", found "
                    + describeFound(token);
        }
        reporter.error(reporter.at(token.getLine(), token.getCharPositionInLine() + 1), message);
    }

    /** Tokens that exist only to carry a lexical mistake get a message of their own. */
    private static String lexicalProblem(Token token) {
        return switch (token.getType()) {
            case AtSpecLexer.BAD_CHAR -> "unexpected character '" + shorten(token.getText()) + "'";
            case AtSpecLexer.UNTERMINATED_STRING -> "string is not closed before the end of the line";
            case AtSpecLexer.TR_BAD_LINE ->
                "a transcript line starts with '>' (sent), '>!' (sent and refused) or '<' (received)";
            default -> null;
        };
    }

    private static Token previousToken(TokenStream tokens, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                return candidate;
            }
        }
        return null;
    }

    private static String describeFound(Token token) {
        if (token.getType() == Token.EOF) {
            return "the end of the file";
        }
        return "'" + shorten(token.getText()) + "'";
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() > 30 ? oneLine.substring(0, 27) + "..." : oneLine;
    }

    /** What the parser could accept here, in words: the phrases of known sets first. */
    static String expectation(Parser parser, IntervalSet expected) {
        Set<Integer> types = new LinkedHashSet<>(expected.toList());
        // Every keyword is also a name, so a type is expected exactly where a name is: only the
        // rule being parsed tells them apart.
        if (parser.getContext() instanceof AtSpecParser.TypeExprContext
                || parser.getContext() instanceof AtSpecParser.ParamDeclContext
                        && types.contains(AtSpecLexer.INT_TYPE)) {
            return "a parameter type (int, string, hex, path, bytes or an enum name)";
        }
        boolean nameExpected = types.contains(AtSpecLexer.IDENT);
        for (Phrase phrase : Phrase.values()) {
            if (phrase.matches(parser, types, nameExpected)) {
                return phrase.words;
            }
        }
        List<String> words = new ArrayList<>();
        for (int type : types) {
            String word = nameExpected && isKeyword(parser, type) ? "a name" : tokenWords(parser, type);
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return "something else";
        }
        if (words.size() > 5) {
            words = new ArrayList<>(words.subList(0, 5));
            words.add("...");
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static boolean isKeyword(Parser parser, int type) {
        String literal = parser.getVocabulary().getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    private static String tokenWords(Parser parser, int type) {
        return switch (type) {
            case Token.EOF -> "the end of the file";
            case AtSpecLexer.AT_NAME -> "a command name such as AT+HTTPPARA";
            case AtSpecLexer.PREFIX -> "a prefix such as +HTTPRECV";
            case AtSpecLexer.DURATION -> "a duration such as 300ms or 30s";
            case AtSpecLexer.VERSION -> "a section number such as 9.1";
            case AtSpecLexer.INT -> "a number";
            case AtSpecLexer.STRING -> "a \"string\"";
            case AtSpecLexer.IDENT -> "a name";
            case AtSpecLexer.TX, AtSpecLexer.TX_REFUSED, AtSpecLexer.RX -> "a transcript line";
            case AtSpecLexer.EXAMPLE_OPEN -> "'example \"title\" {'";
            default -> {
                String literal = parser.getVocabulary().getLiteralName(type);
                yield literal != null ? literal : parser.getVocabulary().getDisplayName(type);
            }
        };
    }

    /**
     * Sets of tokens that stand for one idea. A set matches when the parser expects all of its
     * marker tokens; the first match names the expectation.
     */
    private enum Phrase {
        FORMAT_ITEM(
                "a parameter such as <mode>, a \"text\" or an optional group [,<...>]",
                AtSpecLexer.LT,
                AtSpecLexer.LBRACKET,
                AtSpecLexer.STRING),
        COMMAND_ITEM(
                "a command item (section, description, timeout, param, set, exec, query, test, final,"
                        + " alias, errors, completion, example) or '}'",
                AtSpecLexer.PARAM,
                AtSpecLexer.SET,
                AtSpecLexer.TIMEOUT,
                AtSpecLexer.RBRACE),
        URC_ITEM(
                "a URC item (section, description, param, report, alias, indicates reboot, example) or '}'",
                AtSpecLexer.PARAM,
                AtSpecLexer.REPORT,
                AtSpecLexer.RBRACE),
        DECLARATION(
                "a declaration (enum, errors, command or urc)", AtSpecLexer.ENUM, AtSpecLexer.COMMAND, AtSpecLexer.URC),
        CHAPTER_ITEM(
                "a chapter item (package, facade, manual, edition, description) or '}'",
                AtSpecLexer.PACKAGE,
                AtSpecLexer.MANUAL,
                AtSpecLexer.RBRACE),
        TRANSCRIPT("a transcript line ('>' sent, '>!' refused, '<' received) or '}'", AtSpecLexer.TX, AtSpecLexer.RX),
        COMPLETION_CLAUSE(
                "a completion clause (collect, until or poll)",
                AtSpecLexer.COLLECT,
                AtSpecLexer.UNTIL,
                AtSpecLexer.POLL),
        PARAM_MODIFIER_OR_END(
                "a modifier (quoted, unquoted, secret, optional, default, = length(...)), a" + " description or ';'",
                AtSpecLexer.QUOTED,
                AtSpecLexer.SECRET,
                AtSpecLexer.SEMI),
        VALUE("a value (a number, a word or a \"string\")", AtSpecLexer.INT, AtSpecLexer.STRING, AtSpecLexer.IDENT);

        private final String words;
        private final int[] markers;

        Phrase(String words, int... markers) {
            this.words = words;
            this.markers = markers;
        }

        /**
         * Where a name is expected every keyword is too, so a keyword marker says nothing there:
         * only phrases without keyword markers can match.
         */
        boolean matches(Parser parser, Set<Integer> types, boolean nameExpected) {
            for (int marker : markers) {
                if (!types.contains(marker) || nameExpected && isKeyword(parser, marker)) {
                    return false;
                }
            }
            return true;
        }
    }
}
