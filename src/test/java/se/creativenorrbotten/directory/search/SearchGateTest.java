package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.Simultaneously;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/** At most so many searches at once; the others wait their turn, and a search that waits too long is a 503. */
class SearchGateTest {

    @Test
    void noMoreThanItsPermitsRunAtOnceAndEverySearchRuns() throws Exception {
        SearchGate gate = new SearchGate(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Integer>> searches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            searches.add(() -> gate.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return n;
            }));
        }

        List<Integer> answers = Simultaneously.run(searches);

        assertEquals(java.util.stream.IntStream.range(0, 12).boxed().toList(), answers, "every search ran, with its own answer");
        assertEquals(2, most.get(), "two at once, never more");
    }

    @Test
    void aSearchThatCannotStartInTimeIsAnswered503AndTheGateStaysUsable() throws Exception {
        SearchGate gate = new SearchGate(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> gate.run(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertTrue(holding.await(30, TimeUnit.SECONDS));

        ProblemException busy = assertThrows(ProblemException.class, () -> gate.run(() -> "never"));
        assertEquals(ProblemType.UNAVAILABLE, busy.type());

        release.countDown();
        holder.join(30_000);
        assertEquals("ran", gate.run(() -> "ran"), "the permit came back");
    }

    @Test
    void aFailingSearchGivesItsPermitBack() {
        SearchGate gate = new SearchGate(1, Duration.ofMillis(200));
        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("broken");
        }));
        assertEquals("ran", gate.run(() -> "ran"));
    }
}
