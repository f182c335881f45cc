package io.atspec.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * What the {@code generate} and {@code test-generate} goals share: find the specs of one source
 * directory, run the incremental build into one output directory, log one summary line. The goals
 * differ only in their defaults and in the source root they add.
 */
final class SpecGeneration {

    private final MavenProject project;
    private final MojoExecution execution;
    private final Log log;

    SpecGeneration(MavenProject project, MojoExecution execution, Log log) {
        this.project = project;
        this.execution = execution;
        this.log = log;
    }

    /**
     * @param resources where the chapters' service registration goes, already a resource root of
     *     the project; empty to write none
     * @param stateName names this goal's state file, so the two goals of one execution id do not
     *     take each other's outputs for stale ones
     */
    void run(
            File sourceDirectory,
            Path output,
            Optional<Path> resources,
            List<String> includes,
            List<String> excludes,
            boolean failOnWarning,
            String stateName)
            throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        List<SpecFile> specs;
        try {
            specs = new SpecFiles(includes, excludes).find(sourceDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "atspec: cannot list the spec files in " + sourceDirectory + ": " + e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            log.info("atspec: no spec files in " + display(sourceDirectory.toPath()));
        }

        SpecBuild.Result result = SpecBuild.withJavaGenerator(this::display, log)
                .failOnWarning(failOnWarning)
                .run(specs, output, resources, stateFile(stateName));

        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.upToDate()) {
            log.info("atspec: " + SpecBuild.plural(result.specs(), "spec") + " up to date (" + millis + " ms)");
        } else {
            log.info("atspec: "
                    + result.regenerated() + " of " + SpecBuild.plural(result.specs(), "spec")
                    + " generated: " + SpecBuild.plural(result.written(), "file") + " written, "
                    + result.unchanged() + " unchanged, " + result.deleted() + " deleted, in "
                    + display(output) + " (" + millis + " ms)");
        }
    }

    /**
     * The state lives in the build directory, not in the output directory, so it neither shows up
     * among the IDE's generated sources nor gets packaged by a sources jar. One file per execution
     * id, so two executions with different spec sets do not undo each other's work.
     */
    private Path stateFile(String stateName) {
        String id = execution.getExecutionId() == null ? "default" : execution.getExecutionId();
        return Path.of(project.getBuild().getDirectory(), "atspec-state", stateName + id + ".properties");
    }

    /** A path as the user sees it: relative to the project directory when it is inside it. */
    String display(Path file) {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
