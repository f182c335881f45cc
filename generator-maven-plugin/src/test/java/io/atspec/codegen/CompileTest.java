package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated sources of the demo chapter and of both reference chapters compile against the
 * runtime without a single warning ({@code -Xlint:all -Werror}), so users who build with strict
 * flags can use them. One compilation for all three (javac start-up dominates), as the spec
 * module compiles every chapter together; the tests then look at each chapter's diagnostics.
 *
 * <p>The demo chapter's behaviour is otherwise untested (the spec module tests the reference
 * chapters), so a few of its constructs that the reference chapters lack are called through a
 * class loader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompileTest {

    private Path classes;
    private List<String> diagnostics;
    private URLClassLoader loader;

    @BeforeAll
    void compileAllThreeChapters() throws Exception {
        classes = Files.createTempDirectory("atspec-compile-test");
        List<GeneratedFile> files = new ArrayList<>();
        files.addAll(Specs.generate(Specs.DEMO, Specs.DEMO_NAME));
        files.addAll(Specs.generate(Specs.HTTP, Specs.HTTP_NAME));
        files.addAll(Specs.generate(Specs.NETWORK, Specs.NETWORK_NAME));
        diagnostics = JavaCompilation.compile(files, classes);
        loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @AfterAll
    void deleteClasses() throws Exception {
        loader.close();
        JavaCompilation.deleteTree(classes);
    }

    @Test
    void demoChapterCompilesWithoutWarnings() {
        assertThat(diagnosticsOf("io/atspec/demo/")).isEmpty();
        assertThat(classes.resolve("io/atspec/demo/DemoCommands.class")).exists();
        // The form records are nested classes of their command.
        assertThat(classes.resolve("io/atspec/demo/DemoSend$Write.class")).exists();
    }

    @Test
    void httpChapterCompilesWithoutWarnings() {
        assertThat(diagnosticsOf("io/atspec/neoway/http/")).isEmpty();
        assertThat(classes.resolve("io/atspec/neoway/http/HttpCommands.class")).exists();
    }

    @Test
    void networkChapterCompilesWithoutWarnings() {
        assertThat(diagnosticsOf("io/atspec/neoway/network/")).isEmpty();
        assertThat(classes.resolve("io/atspec/neoway/network/NetworkCommands.class"))
                .exists();
    }

    @Test
    void noDiagnosticsAtAll() {
        // Catches diagnostics without a source file (options, classpath), which no chapter owns.
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void nestedOptionalGroupsWriteOnlyWhatIsGiven() throws Exception {
        Object write = enumConstant("io.atspec.demo.TransferMode", "WRITE");
        Object binary = enumConstant("io.atspec.demo.Format", "BINARY");
        Class<?> mode = write.getClass();
        Class<?> format = binary.getClass();

        assertThat(line(call("io.atspec.demo.DemoFormat", "set", types(mode), write)))
                .isEqualTo("AT+DFMT=1");
        assertThat(line(call("io.atspec.demo.DemoFormat", "set", types(mode, int.class), write, 128)))
                .isEqualTo("AT+DFMT=1,128");
        assertThat(line(call("io.atspec.demo.DemoFormat", "set", types(mode, int.class, format), write, 128, binary)))
                .isEqualTo("AT+DFMT=1,128,1");
    }

    @Test
    void aDiscriminatorGivenAsJavaConstantIsSentAsItsQuotedCode() throws Exception {
        // <option=LABEL> in the spec; the enum's code is "label", sent quoted.
        assertThat(line(call("io.atspec.demo.DemoOpt", "label", types(String.class), "hall")))
                .isEqualTo("AT+DOPT=\"label\",\"hall\"");
        assertThat(line(call("io.atspec.demo.DemoOpt", "speed", types(int.class), 2)))
                .isEqualTo("AT+DOPT=\"speed\",2");
    }

    @Test
    void theDerivedLengthComesFromThePayload() throws Exception {
        byte[] data = "abc\r\nde".getBytes(StandardCharsets.US_ASCII);
        Object request = call("io.atspec.demo.DemoSend", "write", types(byte[].class), (Object) data);

        assertThat(line(request)).isEqualTo("AT+DSEND=1,7");
        // Named as the user writes it, the payload by its size, the absent format left out.
        assertThat(request.toString()).isEqualTo("DemoSend.Write[data=7 bytes]");
    }

    @Test
    void aRequestsPayloadCannotBeChangedFromOutside() throws Exception {
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        Object request = call("io.atspec.demo.DemoSend", "write", types(byte[].class), (Object) data);
        data[0] = 'x';
        byte[] handedOut = (byte[]) accessor(request, "data");
        handedOut[1] = 'y';

        assertThat(accessor(request, "data")).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aReportsPayloadCannotBeChangedFromOutside() throws Exception {
        byte[] payload = "hello".getBytes(StandardCharsets.US_ASCII);
        Object urc = io.atspec.runtime.Urc.withPayload("+DDATA", "+DDATA: 5,hello", payload);
        Object report = loader.loadClass("io.atspec.demo.DemoData")
                .getMethod("parse", io.atspec.runtime.Urc.class)
                .invoke(null, urc);
        payload[0] = 'x';
        // The framed shape always carries its data: a plain byte[], no Optional.
        assertThat(report.getClass().getName()).isEqualTo("io.atspec.demo.DemoData$Framed");
        byte[] handedOut = (byte[]) accessor(report, "data");
        handedOut[1] = 'y';

        assertThat(accessor(report, "data")).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aReportOfSeveralShapesIsReadIntoItsShapesRecordThroughTheChaptersSealedInterface() throws Exception {
        Object urc = io.atspec.runtime.Urc.withPayload("+DDATA", "+DDATA:", "raw".getBytes(StandardCharsets.US_ASCII));
        Object report = loader.loadClass("io.atspec.demo.DemoData")
                .getMethod("parse", io.atspec.runtime.Urc.class)
                .invoke(null, urc);

        assertThat(report.getClass().getName()).isEqualTo("io.atspec.demo.DemoData$Raw");
        assertThat(loader.loadClass("io.atspec.demo.DemoUrc").isInstance(report))
                .isTrue();
        assertThat(loader.loadClass("io.atspec.demo.DemoData").isSealed()).isTrue();
        assertThat(report).hasToString("DemoData.Raw[raw=3 bytes]");
    }

    @Test
    void outOfRangeArgumentsAreRefusedWithTheCommandAndParameterNamed() {
        assertThatThrownBy(() -> call("io.atspec.demo.DemoOpt", "speed", types(int.class), 5))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("AT+DOPT")
                .hasMessageContaining("speed");
    }

    @Test
    void aSecretNeverReachesToString() throws Exception {
        Object login = call("io.atspec.demo.DemoAuth", "set", types(String.class, String.class), "admin", "s3cret");

        assertThat(line(login)).isEqualTo("AT+DAUTH=\"admin\",\"s3cret\"");
        assertThat(login.toString()).isEqualTo("DemoAuth.SetForm[user=admin, pwd=***]");
    }

    private List<String> diagnosticsOf(String packagePath) {
        return diagnostics.stream().filter(d -> d.startsWith(packagePath)).toList();
    }

    private static Class<?>[] types(Class<?>... types) {
        return types;
    }

    private Object enumConstant(String type, String name) throws Exception {
        Class<?> enumType = loader.loadClass(type);
        return Arrays.stream(enumType.getEnumConstants())
                .filter(c -> ((Enum<?>) c).name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Calls a static factory; an exception it throws is rethrown as is. */
    private Object call(String type, String method, Class<?>[] parameters, Object... arguments) throws Exception {
        Method factory = loader.loadClass(type).getDeclaredMethod(method, parameters);
        try {
            return factory.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Object accessor(Object record, String name) throws Exception {
        Method accessor = record.getClass().getMethod(name);
        accessor.setAccessible(true);
        return accessor.invoke(record);
    }

    private static String line(Object request) throws Exception {
        Method line = request.getClass().getMethod("line");
        line.setAccessible(true);
        return (String) line.invoke(request);
    }
}
