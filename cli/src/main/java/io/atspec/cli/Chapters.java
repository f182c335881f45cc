package io.atspec.cli;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.bind.ChapterBinding;
import io.atspec.runtime.bind.ChapterBindings;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chapters this run of the tool handles: every chapter binding on its class path (the
 * {@code spec} module's, found through {@link ChapterBindings}), plus those in a team's own
 * bindings jars or class directories ({@code --classpath}). No chapter is named here, so a
 * chapter compiled elsewhere is handled like the bundled ones.
 */
final class Chapters implements Closeable {

    private final List<ChapterBinding> all;
    private final URLClassLoader extra;

    private Chapters(List<ChapterBinding> all, URLClassLoader extra) {
        this.all = all;
        this.extra = extra;
    }

    /** The chapters on the tool's own class path. */
    static Chapters found() {
        return found(List.of());
    }

    /**
     * The chapters on the tool's class path and on {@code classPath} (jars or directories, searched
     * after the tool's own, so they run on the tool's runtime).
     */
    static Chapters found(List<Path> classPath) {
        ClassLoader tool = Chapters.class.getClassLoader();
        if (classPath.isEmpty()) {
            return new Chapters(load(tool), null);
        }
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = classPath.get(i);
            if (!Files.exists(p)) {
                throw new CliException("--classpath: " + p + ": no such file or directory");
            }
            try {
                urls[i] = p.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new CliException("--classpath: " + p + ": " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls, tool);
        try {
            return new Chapters(load(loader), loader);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    private static List<ChapterBinding> load(ClassLoader loader) {
        try {
            return ChapterBindings.load(loader);
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    List<ChapterBinding> all() {
        return all;
    }

    /** The chapters for messages: {@code chapters http, network}, or a hint when there are none. */
    String names() {
        if (all.isEmpty()) {
            return "any chapter (none was found; give bindings with --classpath)";
        }
        return (all.size() == 1 ? "chapter " : "chapters ")
                + String.join(", ", all.stream().map(ChapterBinding::name).toList());
    }

    /** The chapter that has a command of this wire name, alias included. */
    Optional<ChapterBinding> owning(String commandName) {
        return all.stream().filter(c -> c.commandNames().contains(commandName)).findFirst();
    }

    /**
     * The URC decoders of every chapter by prefix (the framing each spec declares). Two chapters
     * that both decode one prefix: the first by name wins, as it would on one channel.
     */
    Map<String, UrcDecoder> decoders() {
        Map<String, UrcDecoder> decoders = new LinkedHashMap<>();
        for (ChapterBinding c : all) {
            c.urcDecoders().forEach(decoders::putIfAbsent);
        }
        return decoders;
    }

    /** Makes a channel frame every chapter's URCs and know every chapter's reboot indications. */
    void attach(AtChannel channel) {
        decoders().forEach(channel::registerDecoder);
        for (ChapterBinding c : all) {
            c.rebootIndications().forEach(channel::addRebootIndication);
        }
    }

    /**
     * What error {@code code} means: from the error table of the command that was pending ({@code
     * commandName}, may be null), else from every chapter that defines the code.
     */
    Optional<String> explainError(String commandName, String code) {
        if (commandName != null) {
            for (ChapterBinding c : all) {
                Optional<String> meaning = c.explainError(commandName, code);
                if (meaning.isPresent()) {
                    return meaning;
                }
            }
        }
        List<String> meanings = new ArrayList<>();
        for (ChapterBinding c : all) {
            c.explainError(code).ifPresent(m -> meanings.add(m + " in chapter " + c.name()));
        }
        return meanings.isEmpty() ? Optional.empty() : Optional.of(String.join("; or ", meanings));
    }

    @Override
    public void close() {
        if (extra != null) {
            closeQuietly(extra);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
