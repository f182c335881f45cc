package io.atspec.grammar.check;

import java.util.Set;

/** Java's reserved words: a name the generator would emit must not be one. */
public final class JavaNames {

    private static final Set<String> RESERVED = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "yield",
            "record",
            "sealed",
            "permits",
            "non-sealed",
            "_");

    private JavaNames() {}

    /**
     * The Java name of a manual name: {@code post_content} -> {@code postContent},
     * {@code dir&filename} -> {@code dirFilename}; a reserved word gets a {@code Value} suffix.
     */
    public static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(out.isEmpty() ? Character.toLowerCase(word.charAt(0)) : Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1));
        }
        String camel = out.isEmpty() ? "value" : out.toString();
        if (Character.isDigit(camel.charAt(0))) {
            camel = "v" + camel;
        }
        return isReserved(camel) ? camel + "Value" : camel;
    }

    /** The type-name form: {@code http} -> {@code Http}, {@code ssl_version} -> {@code SslVersion}. */
    public static String pascal(String name) {
        String camel = camel(name);
        if (camel.endsWith("Value") && isReserved(camel.substring(0, camel.length() - 5))) {
            camel = camel.substring(0, camel.length() - 5);
        }
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /**
     * Types of java.lang that generated code names without import: a generated type with one of
     * these names would shadow it (a form named {@code string} becomes a record {@code String}).
     */
    private static final Set<String> JAVA_LANG = Set.of(
            "String",
            "Object",
            "Integer",
            "Long",
            "System",
            "Thread",
            "Override",
            "Class",
            "RuntimeException",
            "NumberFormatException",
            "InterruptedException");

    /** Whether a generated type of this name would shadow a java.lang type. */
    public static boolean shadowsJavaLang(String typeName) {
        return JAVA_LANG.contains(typeName);
    }

    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    static boolean isValidPackage(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || isReserved(part) || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
        }
        return true;
    }
}
