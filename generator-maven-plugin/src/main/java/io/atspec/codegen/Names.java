package io.atspec.codegen;

import io.atspec.grammar.check.JavaNames;
import java.util.Locale;

/** Java identifiers from the manual's names: {@code post_content} -> {@code postContent}. */
final class Names {

    private Names() {}

    /** {@code post_content} -> {@code postContent}; reserved words get a {@code Value} suffix. */
    static String camel(String name) {
        return JavaNames.camel(name);
    }

    /** {@code sslVersion} -> {@code SslVersion}. */
    static String pascal(String name) {
        return JavaNames.pascal(name);
    }

    /** {@code v2} -> {@code V2}, for constants. */
    static String constant(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }
}
