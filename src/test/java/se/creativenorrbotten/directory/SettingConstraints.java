package se.creativenorrbotten.directory;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** Checks settings as SmallRye Config checks a config mapping at start, to test which values a mapping refuses. */
public final class SettingConstraints {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private SettingConstraints() {
    }

    /** The names of the settings whose values their interface's constraints refuse (each method's return value). */
    public static <T> Set<String> refused(T settings, Class<T> mapping) throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault()) {
                continue;
            }
            if (!VALIDATOR.forExecutables().validateReturnValue(settings, method, method.invoke(settings)).isEmpty()) {
                names.add(method.getName());
            }
        }
        return names;
    }
}
