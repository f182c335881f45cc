package io.atspec.grammar.link;

import io.atspec.grammar.model.Form;
import java.util.Optional;

/**
 * One form of a command with the names generated code gives it.
 *
 * @param recordName the record of the form inside the command's interface
 * @param factoryName the static factory that builds it
 * @param responseName the record its information response is read into, if it has one
 */
public record LinkedForm(Form source, String recordName, String factoryName, Optional<String> responseName) {

    public boolean answers() {
        return responseName.isPresent();
    }
}
