package io.atspec.grammar.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated items of a command line, a response or a URC, with optional groups:
 * {@code <mode>[,<length>[,<type>]]}.
 */
public record Format(List<FormatItem> items) {

    public Format {
        items = List.copyOf(items);
    }

    public static Format empty() {
        return new Format(List.of());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Every field, optional groups included, in order. */
    public List<FormatItem.Field> fields() {
        List<FormatItem.Field> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Format format, List<FormatItem.Field> out) {
        for (FormatItem item : format.items) {
            if (item instanceof FormatItem.Field field) {
                out.add(field);
            } else if (item instanceof FormatItem.OptionalGroup group) {
                collect(group.format(), out);
            }
        }
    }

    /** How many comma-separated items are always present. */
    public int requiredCount() {
        return (int) items.stream()
                .filter(i -> !(i instanceof FormatItem.OptionalGroup))
                .count();
    }

    /** How many comma-separated items there are at most, every optional group taken. */
    public int maximumCount() {
        int count = 0;
        for (FormatItem item : items) {
            count += item instanceof FormatItem.OptionalGroup group
                    ? group.format().maximumCount()
                    : 1;
        }
        return count;
    }

    /**
     * The item lists this format can take on the wire, shortest first: one per choice of how
     * deep into the nested optional groups the line goes.
     */
    public List<List<FormatItem>> shapes() {
        List<List<FormatItem>> shapes = new ArrayList<>();
        List<FormatItem> prefix = new ArrayList<>();
        addShapes(this, prefix, shapes);
        return shapes;
    }

    private static void addShapes(Format format, List<FormatItem> prefix, List<List<FormatItem>> out) {
        List<FormatItem> current = new ArrayList<>(prefix);
        for (FormatItem item : format.items) {
            if (item instanceof FormatItem.OptionalGroup group) {
                out.add(List.copyOf(current));
                addShapes(group.format(), current, out);
                return;
            }
            current.add(item);
        }
        out.add(List.copyOf(current));
    }

    /** The format as a spec writes it: {@code <mode>[,<length>[,<type>]]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (FormatItem item : items) {
            boolean first = out.isEmpty();
            if (item instanceof FormatItem.OptionalGroup group) {
                out.append(first ? "[" : "[,").append(group.format()).append(']');
            } else {
                out.append(first ? "" : ",").append(item);
            }
        }
        return out.toString();
    }
}
