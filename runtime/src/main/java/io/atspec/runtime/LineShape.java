package io.atspec.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shape of a line a command expects, as its spec writes it ({@code +SOCKCLOSE: <link>,OK}):
 * the line's prefix and a regular expression the whole line must match. A line with the prefix
 * but another shape ({@code +SOCKCLOSE: 1,Link Closed}) is not the command's, even while it is
 * pending: it is a URC. The generator computes the expression from the spec; it is compiled once.
 */
public final class LineShape {
    private final String prefix;
    private final String regex;
    private final Pattern pattern;

    public LineShape(String prefix, String regex) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.regex = Objects.requireNonNull(regex, "regex");
        this.pattern = Pattern.compile(regex);
    }

    /** The prefix that starts every line of this shape, {@code +SOCKCLOSE:}. */
    public String prefix() {
        return prefix;
    }

    /** The expression the whole line must match. */
    public String regex() {
        return regex;
    }

    public boolean matches(String line) {
        return line.startsWith(prefix) && pattern.matcher(line).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineShape s && prefix.equals(s.prefix) && regex.equals(s.regex);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode() * 31 + regex.hashCode();
    }

    @Override
    public String toString() {
        return "LineShape[" + prefix + " " + regex + "]";
    }
}
