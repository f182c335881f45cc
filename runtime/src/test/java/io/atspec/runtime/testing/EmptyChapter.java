package io.atspec.runtime.testing;

import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.ChapterBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A chapter binding for tests that knows nothing but its name and package: every question about
 * commands, URCs and errors answers "not mine". Test doubles override what they need.
 */
public abstract class EmptyChapter implements ChapterBinding {

    private final String name;
    private final String javaPackage;

    protected EmptyChapter(String name, String javaPackage) {
        this.name = name;
        this.javaPackage = javaPackage;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String javaPackage() {
        return javaPackage;
    }

    @Override
    public Set<String> commandNames() {
        return Set.of();
    }

    @Override
    public Map<String, UrcDecoder> urcDecoders() {
        return Map.of();
    }

    @Override
    public List<String> rebootIndications() {
        return List.of();
    }

    @Override
    public Optional<AtRequest> parseRequest(String line, byte[] payload) {
        return Optional.empty();
    }

    @Override
    public OptionalInt promptLength(String line) {
        return OptionalInt.empty();
    }

    @Override
    public Optional<Object> parseResponse(AtRequest request, String line) {
        return Optional.empty();
    }

    @Override
    public Optional<Object> parseUrc(Urc urc) {
        return Optional.empty();
    }

    @Override
    public Optional<String> explainError(String commandName, String code) {
        return Optional.empty();
    }

    @Override
    public Optional<String> explainError(String code) {
        return Optional.empty();
    }
}
