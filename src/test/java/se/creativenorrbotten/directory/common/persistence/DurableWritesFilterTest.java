package se.creativenorrbotten.directory.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.problem.Problem;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;

/**
 * {@link DurableWrites} over an fsync that fails: a write's 2xx becomes a 500 that keeps nothing of the success
 * (no Location, no ETag, no body of the member), and what is not an acknowledged write never touches the disk.
 */
class DurableWritesFilterTest {

    private final AtomicInteger syncAttempts = new AtomicInteger();
    private final DurableWrites filter = new DurableWrites(
            new DatabaseSync(failingDataSource(), fsyncOn(), new DatabaseKind("h2")));

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteWhoseFsyncFailsIsA500WithNothingOfTheSuccess(String method) {
        Answer answer = new Answer(201, "{\"id\": \"secret\"}");
        answer.headers.putSingle(HttpHeaders.LOCATION, "/api/v1/members/secret");
        answer.headers.putSingle(HttpHeaders.ETAG, "\"0\"");
        answer.headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);

        filter.afterWrite(request(method), answer.context());

        assertEquals(1, syncAttempts.get());
        assertEquals(500, answer.status);
        assertNull(answer.headers.getFirst(HttpHeaders.LOCATION));
        assertNull(answer.headers.getFirst(HttpHeaders.ETAG));
        assertEquals(ProblemMappers.PROBLEM_JSON, String.valueOf(answer.headers.getFirst(HttpHeaders.CONTENT_TYPE)));
        assertTrue(answer.entity instanceof Problem, String.valueOf(answer.entity));
        assertFalse(String.valueOf(answer.entity).contains("SQLException"), String.valueOf(answer.entity));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void readsNeverWaitForTheDisk(String method) {
        Answer answer = new Answer(200, "{}");

        filter.afterWrite(request(method), answer.context());

        assertEquals(0, syncAttempts.get());
        assertEquals(200, answer.status);
    }

    @ParameterizedTest
    @ValueSource(ints = {303, 304, 400, 409, 412, 500})
    void anAnswerThatAcknowledgesNoWriteDoesNotWaitForTheDisk(int status) {
        Answer answer = new Answer(status, null);

        filter.afterWrite(request("POST"), answer.context());

        assertEquals(0, syncAttempts.get());
        assertEquals(status, answer.status);
    }

    /** A response context over plain fields. */
    private static final class Answer {
        int status;
        Object entity;
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        Answer(int status, Object entity) {
            this.status = status;
            this.entity = entity;
        }

        ContainerResponseContext context() {
            return proxy(ContainerResponseContext.class, (name, args) -> switch (name) {
                case "getStatus" -> status;
                case "getStatusInfo" -> Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status)
                        : (Response.StatusType) Response.status(status).build().getStatusInfo();
                case "setStatus" -> {
                    status = (Integer) args[0];
                    yield null;
                }
                case "setEntity" -> {
                    entity = args[0];
                    yield null;
                }
                case "getEntity" -> entity;
                case "getHeaders" -> headers;
                default -> throw new UnsupportedOperationException(name);
            });
        }
    }

    private static ContainerRequestContext request(String method) {
        return proxy(ContainerRequestContext.class, (name, args) -> {
            if (name.equals("getMethod")) {
                return method;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    private DataSource failingDataSource() {
        return proxy(DataSource.class, (name, args) -> {
            if (name.equals("getConnection")) {
                syncAttempts.incrementAndGet();
                throw new SQLException("disk gone");
            }
            throw new UnsupportedOperationException(name);
        });
    }

    private static DirectoryConfig fsyncOn() {
        DirectoryConfig.H2 h2 = proxy(DirectoryConfig.H2.class, (name, args) -> {
            if (name.equals("fsync")) {
                return true;
            }
            throw new UnsupportedOperationException(name);
        });
        return proxy(DirectoryConfig.class, (name, args) -> {
            if (name.equals("h2")) {
                return h2;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> handler.handle(method.getName(), args)));
    }
}
