package se.creativenorrbotten.directory.common.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Bean-validation violations as the caller sees them: the field's JSON path and what is wrong. */
public final class Violations {

    public static final Comparator<FieldError> BY_FIELD = Comparator.comparing(FieldError::field)
            .thenComparing(FieldError::detail);

    private Violations() {
    }

    public static List<FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(BY_FIELD);
        return errors;
    }

    static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field a violation is about, as the caller knows it: {@code skills[2]} or
     * {@code socialLinks[0].url} in a body, or the name of a query parameter. The Java method and the
     * body parameter are left out; parameters are compiled with their names (-parameters).
     */
    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> {
                    if (i == nodes.size() - 1) {
                        field.append(node.getName());
                    }
                }
                default -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if ((node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN) && node.getName() != null) {
                        field.append(field.length() > 0 ? "." : "").append(node.getName());
                    }
                }
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
