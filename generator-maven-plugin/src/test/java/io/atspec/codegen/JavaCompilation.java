package io.atspec.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated files in process, from memory, against the test classpath (surefire puts
 * the runtime test dependency on {@code java.class.path}), as strictly as a careful user would:
 * {@code -Xlint:all -Werror}.
 */
final class JavaCompilation {

    private JavaCompilation() {}

    /** Deletes a directory of compiled classes, deepest paths first. */
    static void deleteTree(java.nio.file.Path root) throws java.io.IOException {
        try (var walk = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path path :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    /** Every diagnostic, as {@code path:line: KIND: message} and the offending source line. */
    static List<String> compile(List<GeneratedFile> files, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the tests need a JDK, not a JRE: no system Java compiler");
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<Source> sources = files.stream().map(Source::new).toList();
        List<String> options = List.of(
                "-Xlint:all",
                "-Werror",
                "--release",
                "17",
                // No annotation processors from the test classpath.
                "-proc:none",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString());
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(collector, Locale.ROOT, null)) {
            compiler.getTask(null, manager, collector, options, null, sources).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            messages.add(render(d));
        }
        return messages;
    }

    /** {@code path:line: KIND: message} and the offending source line, or the message alone. */
    static String render(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() instanceof Source source) {
            return source.path + ":" + d.getLineNumber() + ": " + d.getKind() + ": " + d.getMessage(Locale.ROOT)
                    + "\n    " + source.line(d.getLineNumber());
        }
        return d.getKind() + ": " + d.getMessage(Locale.ROOT);
    }

    /** A generated file as the compiler (or javadoc) sees it, named by its relative path. */
    static final class Source extends SimpleJavaFileObject {
        final String path;
        final String content;

        Source(GeneratedFile file) {
            super(URI.create("string:///" + file.relativePath()), Kind.SOURCE);
            this.path = file.relativePath();
            this.content = file.content();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }

        String line(long number) {
            return content.lines()
                    .skip(Math.max(0, number - 1))
                    .findFirst()
                    .orElse("")
                    .strip();
        }
    }
}
