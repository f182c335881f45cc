package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcReport;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks one URC: its fields, its report shapes and the framing of its payloads. */
final class UrcChecks {

    private final Chapter chapter;
    private final Reporter reporter;
    private final FormatChecks formats;
    private final ParameterChecks parameters;
    private final CountedPayloads counted;

    UrcChecks(Chapter chapter, Reporter reporter, ValueRules values) {
        this.chapter = chapter;
        this.reporter = reporter;
        this.formats = new FormatChecks(reporter, values);
        this.parameters = new ParameterChecks(chapter, reporter, values);
        this.counted = new CountedPayloads(reporter);
    }

    void check(Urc urc) {
        String owner = "URC " + urc.prefix();
        parameters.check(owner, urc.parameters());
        if (urc.prefixless() && !urc.reports().isEmpty()) {
            reporter.error(
                    urc.reports().get(0).location(),
                    "a prefix-less URC is one fixed line (\"" + urc.prefix() + "\") and has no report formats");
        }
        if (urc.prefix().isBlank()) {
            reporter.error(urc.location(), "a prefix-less URC needs its fixed line of text");
        }
        FirstSeen names = new FirstSeen(reporter, "report");
        for (UrcReport report : urc.reports()) {
            report.name().ifPresent(n -> names.add(n, report.location()));
            formats.checkFields(owner, "its report", report.format(), urc.parameters());
            formats.refuseRest(owner, "its report", report.format(), urc.parameters());
            checkPayloads(urc, report);
        }
        if (urc.reports().size() > 1
                && urc.reports().stream().anyMatch(r -> r.name().isEmpty())) {
            reporter.error(
                    urc.location(),
                    owner + " has " + urc.reports().size() + " reports; name each one (report framed: ...)");
        }
        for (Alias alias : urc.aliases()) {
            if (!urc.prefixless() && !alias.name().startsWith("+")) {
                reporter.error(
                        alias.location(),
                        "an alias of " + urc.prefix() + " is a prefix such as +HTTPSRECV, not '" + alias.name() + "'");
            }
        }
        warnUnused(urc);
    }

    private void checkPayloads(Urc urc, UrcReport report) {
        List<FormatItem> items = report.format().items();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof FormatItem.Field field)) {
                continue;
            }
            Optional<Parameter> parameter = urc.parameter(field.name());
            if (parameter.isEmpty() || !(parameter.get().type() instanceof ParamType.BytesType bytes)) {
                continue;
            }
            if (i != items.size() - 1) {
                reporter.error(
                        field.location(),
                        "payload <" + field.name() + "> must be the last field of its report: its bytes run"
                                + " to the end of the data");
            }
            if (bytes.framing() instanceof ParamType.SizedBy sized) {
                counted.check("URC " + urc.prefix(), "the report", report.format(), field, sized, urc::parameter);
            } else if (bytes.framing() instanceof ParamType.UntilUrc until) {
                if (until.httpMessage() && items.size() != 1) {
                    reporter.error(
                            field.location(),
                            "HTTP message payload <" + field.name() + "> starts on the line after the header of "
                                    + urc.prefix() + ", so it must be the only field of its report");
                }
                if (until.httpMessage() && until.terminators().size() != 1) {
                    reporter.error(
                            until.location(),
                            "HTTP message payload <" + field.name() + "> ends at one terminator (the line"
                                    + " that closes the link), not "
                                    + until.terminators().size());
                }
                for (String terminator : until.terminators()) {
                    if (chapter.urcNamed(terminator).isEmpty()) {
                        reporter.error(
                                until.location(),
                                "payload <" + field.name() + "> ends at " + terminator
                                        + ", which the chapter does not declare as a URC");
                    }
                }
            } else {
                reporter.error(
                        field.location(),
                        "URC payload <" + field.name() + "> needs framing: bytes(<length field>) or bytes"
                                + " until +URC, so the reader knows where it ends");
            }
        }
    }

    private void warnUnused(Urc urc) {
        Set<String> used = new HashSet<>();
        urc.reports().forEach(r -> r.format().fields().forEach(f -> used.add(f.name())));
        for (Parameter parameter : urc.parameters()) {
            if (!used.contains(parameter.name())) {
                reporter.warning(
                        parameter.location(),
                        "field '" + parameter.name() + "' is not used by any report of URC " + urc.prefix());
            }
        }
    }
}
