package io.atspec.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs the JDK's javadoc in process on generated files, from memory, with every doclint check
 * on ({@code -Xdoclint:all}): what a user sees who builds the bindings' API docs strictly.
 */
final class JavaDocumentation {

    private JavaDocumentation() {}

    /** Every warning and error, as {@code path:line: KIND: message} and the offending source line. */
    static List<String> check(List<GeneratedFile> files, Path output) {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        if (javadoc == null) {
            throw new IllegalStateException("the tests need a JDK, not a JRE: no system javadoc");
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaCompilation.Source> sources =
                files.stream().map(JavaCompilation.Source::new).toList();
        List<String> options = List.of(
                "-Xdoclint:all",
                "-Xmaxwarns",
                "10000",
                "-quiet",
                "--release",
                "17",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                output.toString());
        StringWriter out = new StringWriter();
        try (StandardJavaFileManager manager = javadoc.getStandardFileManager(collector, Locale.ROOT, null)) {
            javadoc.getTask(out, manager, collector, null, options, sources).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collector.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(JavaCompilation::render)
                .toList();
    }
}
