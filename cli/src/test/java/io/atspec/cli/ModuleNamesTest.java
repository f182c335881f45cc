package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.codegen.JavaGenerator;
import io.atspec.grammar.SpecCompiler;
import io.atspec.neoway.http.client.NeowayHttpClient;
import io.atspec.runtime.AtChannel;
import io.atspec.sim.NeowaySimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every atspec jar this tool is built from names its module for the module path. They are jars
 * here once the reactor has packaged them ({@code mvn verify}, or from the local repository); a
 * plain {@code mvn test} of the reactor puts their class directories on the class path instead,
 * and then there is no manifest to read.
 */
class ModuleNamesTest {

    static Object[][] modules() {
        return new Object[][] {
            {SpecCompiler.class, "io.atspec.grammar"},
            {AtChannel.class, "io.atspec.runtime"},
            {JavaGenerator.class, "io.atspec.maven.plugin"},
            {NeowayHttpClient.class, "io.atspec.neoway"},
            {NeowaySimulator.class, "io.atspec.sim"},
        };
    }

    @ParameterizedTest
    @MethodSource("modules")
    void eachJarHasItsAutomaticModuleName(Class<?> member, String module) throws Exception {
        Path location = Path.of(
                member.getProtectionDomain().getCodeSource().getLocation().toURI());
        Assumptions.assumeTrue(Files.isRegularFile(location), () -> "not packaged yet: " + location);

        try (JarFile jar = new JarFile(location.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .as(location.getFileName().toString())
                    .isEqualTo(module);
        }
    }
}
