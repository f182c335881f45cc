package io.atspec.grammar.check;

import java.util.Set;

/** Java's reserved words: a name the generator would emit must not be one. */
final class JavaNames {

  private static final Set<String> RESERVED =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
          "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "_");

  private JavaNames() {}

  static boolean isReserved(String name) {
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
