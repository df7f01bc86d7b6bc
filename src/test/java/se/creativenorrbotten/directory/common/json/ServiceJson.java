package se.creativenorrbotten.directory.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;

/**
 * The API's JSON mapper and validator for tests that run without Quarkus (the fuzz tests): built as Quarkus builds
 * them, with the modules Quarkus registers and the application's own {@link StrictJson} customizer, so that the
 * settings live in one place. ServiceJsonTest holds the mapper to the one the running service injects.
 */
public final class ServiceJson {

    private ServiceJson() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new Jdk8Module()).registerModule(new JavaTimeModule()).registerModule(new ParameterNamesModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    public static Validator validator() {
        return Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory().getValidator();
    }
}
