package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order table against a plain model: ids found, portfolio lists in order, finished rows reused oldest first. */
class OrderTableTest {
    private static final int CAPACITY = 8;
    private static final int PORTFOLIOS = 3;

    @Test
    void shouldKeepEveryPortfolioListAndIdMapEqualToAPlainModelUnderRandomOpensAndCloses() {
        final Random random = new Random(42);
        final OrderTable table = new OrderTable(CAPACITY, PORTFOLIOS);
        final Map<Long, Integer> workingPortfolio = new HashMap<>();
        final List<List<Long>> lists = new ArrayList<>();
        for (int p = 0; p < PORTFOLIOS; p++) {
            lists.add(new ArrayList<>());
        }
        final List<Long> finished = new ArrayList<>();
        long nextId = 100;
        for (int step = 0; step < 20_000; step++) {
            if (!table.isFull() && (workingPortfolio.isEmpty() || random.nextBoolean())) {
                final int p = random.nextInt(PORTFOLIOS);
                final long id = nextId++;
                table.open(id, p, 0, 0, Side.BUY, 10, 1);
                if (random.nextInt(4) == 0) {
                    table.addId(table.find(id), nextId++);
                }
                workingPortfolio.put(id, p);
                lists.get(p).add(id);
            } else {
                final List<Long> ids = new ArrayList<>(workingPortfolio.keySet());
                final long id = ids.get(random.nextInt(ids.size()));
                table.close(table.find(id), OrderState.CANCELED);
                lists.get(workingPortfolio.remove(id)).remove(id);
                finished.add(id);
            }
            for (int p = 0; p < PORTFOLIOS; p++) {
                final List<Long> walked = new ArrayList<>();
                for (int i = table.firstOfPortfolio(p); i >= 0; i = table.nextOfPortfolio(i)) {
                    walked.add(table.clientOrderId(i));
                    assertFalse(table.isFinished(i));
                }
                assertEquals(lists.get(p), walked, "portfolio " + p + " at step " + step);
            }
            assertEquals(workingPortfolio.size(), table.size());
            for (final long id : workingPortfolio.keySet()) {
                assertEquals(id, table.clientOrderId(table.find(id)));
            }
        }
        // The most recent finished orders are still found; the table holds CAPACITY finished rows at least.
        for (final long id : finished.subList(finished.size() - CAPACITY, finished.size())) {
            assertTrue(table.find(id) >= 0 && table.isFinished(table.find(id)), "finished order " + id);
        }
    }
}
