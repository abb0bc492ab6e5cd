package org.meridian.outcomes.research;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.meridian.outcomes.research.rest.AggregateResponse;
import org.meridian.outcomes.research.rest.CellResponse;
import org.meridian.outcomes.research.stats.MeanInterval;
import org.meridian.outcomes.research.stats.Proportion;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.SuppressionReason;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;
import org.meridian.outcomes.service.InstrumentRegistry;
import org.meridian.outcomes.service.InvalidRequestException;

/**
 * Cohort aggregates for researchers: the database pairs baseline and follow-up and aggregates; this class turns the
 * sums into statistics (t intervals, Wilson intervals, SRM, effect size) and applies small-cell suppression.
 */
@ApplicationScoped
public class ResearchAggregateService {

    private final AggregateRepository repository;
    private final InstrumentRegistry instruments;
    private final ResearchConfig config;

    ResearchAggregateService(AggregateRepository repository, InstrumentRegistry instruments, ResearchConfig config) {
        this.repository = repository;
        this.instruments = instruments;
        this.config = config;
    }

    public AggregateResponse aggregate(AggregateQuery request) {
        InstrumentDefinition instrument = (request.instrumentVersion() == null
                ? instruments.findCurrent(request.instrument())
                : instruments.find(request.instrument(), request.instrumentVersion()))
                .orElseThrow(() -> new InvalidRequestException(request.instrumentVersion() == null ? "instrument" : "instrumentVersion",
                        "is not a known instrument" + (request.instrumentVersion() == null ? "" : " version")));
        if (!(instrument.changeRules() instanceof ChangeRules.Mcid mcid)) {
            throw new InvalidRequestException("instrument", "is not a change-from-baseline measure");
        }
        AggregateQuery query = new AggregateQuery(instrument.code(), instrument.version(), request.clinicIds(),
                request.painSite(), request.chronicity(), request.ageBand(), request.sex(), request.followUpWeeks(),
                request.from(), request.to(), request.minSessions(), request.groupBy());
        AggregateRepository.Rules rules = new AggregateRepository.Rules(
                instrument.direction() == ScoreDirection.HIGHER_IS_BETTER, mcid.absoluteMcid().orElse(null),
                mcid.relativeRuleApplies());
        List<AggregateRow> rows = repository.aggregate(query, rules);
        return assemble(query, rows, config.minCellSize());
    }

    /** Arranges the rows as total, groups and dose bands, suppresses small cells and their complements. */
    static AggregateResponse assemble(AggregateQuery query, List<AggregateRow> rows, int minCellSize) {
        AggregateRow total = null;
        Map<String, AggregateRow> totalBands = new TreeMap<>(Comparator.comparing(DoseBand::ofLabel));
        Map<List<String>, AggregateRow> groups = new LinkedHashMap<>();
        Map<List<String>, Map<String, AggregateRow>> groupBands = new LinkedHashMap<>();
        for (AggregateRow row : rows.stream().sorted(Comparator.comparing(ResearchAggregateService::sortKey)).toList()) {
            if (row.keys() == null && row.band() == null) {
                total = row;
            } else if (row.keys() == null) {
                totalBands.put(row.band(), row);
            } else if (row.band() == null) {
                groups.put(row.keys(), row);
            } else {
                groupBands.computeIfAbsent(row.keys(), k -> new TreeMap<>(Comparator.comparing(DoseBand::ofLabel)))
                        .put(row.band(), row);
            }
        }
        List<String> groupBy = query.groupBy().stream().map(GroupDimension::jsonName).toList();
        if (total == null) { // nobody matched: an empty total, shown as a suppressed cell
            total = new AggregateRow(null, null, 0, 0, 0, null, 0, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        // Index every cell and state the additive relations between them.
        List<AggregateRow> cells = new ArrayList<>();
        cells.add(total);
        List<Integer> groupIndexes = new ArrayList<>();
        for (AggregateRow group : groups.values()) {
            groupIndexes.add(cells.size());
            cells.add(group);
        }
        Map<String, Integer> totalBandIndex = new LinkedHashMap<>();
        for (AggregateRow band : totalBands.values()) {
            totalBandIndex.put(band.band(), cells.size());
            cells.add(band);
        }
        Map<List<String>, Map<String, Integer>> groupBandIndex = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Map<String, AggregateRow>> entry : groupBands.entrySet()) {
            Map<String, Integer> indexes = new LinkedHashMap<>();
            for (AggregateRow band : entry.getValue().values()) {
                indexes.put(band.band(), cells.size());
                cells.add(band);
            }
            groupBandIndex.put(entry.getKey(), indexes);
        }
        List<CellSuppression.Total> totals = new ArrayList<>();
        totals.add(new CellSuppression.Total(0, List.copyOf(totalBandIndex.values())));
        if (!groupIndexes.isEmpty()) {
            totals.add(new CellSuppression.Total(0, groupIndexes));
            int g = 0;
            for (List<String> keys : groups.keySet()) {
                totals.add(new CellSuppression.Total(groupIndexes.get(g++),
                        List.copyOf(groupBandIndex.getOrDefault(keys, Map.of()).values())));
            }
            for (Map.Entry<String, Integer> band : totalBandIndex.entrySet()) {
                List<Integer> sameBand = new ArrayList<>();
                for (Map<String, Integer> indexes : groupBandIndex.values()) {
                    Integer index = indexes.get(band.getKey());
                    if (index != null) {
                        sameBand.add(index);
                    }
                }
                totals.add(new CellSuppression.Total(band.getValue(), sameBand));
            }
        }
        long[] patients = cells.stream().mapToLong(AggregateRow::patients).toArray();
        Map<Integer, SuppressionReason> suppressed = CellSuppression.suppress(patients, totals, minCellSize);

        List<AggregateResponse.SuppressedCell> notes = new ArrayList<>();
        for (Map.Entry<Integer, SuppressionReason> entry : suppressed.entrySet()) {
            AggregateRow row = cells.get(entry.getKey());
            notes.add(new AggregateResponse.SuppressedCell(label(query, row), entry.getValue().name(),
                    entry.getValue() == SuppressionReason.PRIMARY
                            ? "fewer than " + minCellSize + " patients"
                            : "hidden so that a suppressed cell cannot be derived by subtraction from a total"));
        }
        notes.sort(Comparator.comparing(AggregateResponse.SuppressedCell::reason).reversed()
                .thenComparing(AggregateResponse.SuppressedCell::cell));

        CellResponse totalCell = cell(query, total, suppressed.get(0),
                bands(query, totalBandIndex, cells, suppressed));
        List<CellResponse> groupCells = new ArrayList<>();
        int g = 0;
        for (Map.Entry<List<String>, AggregateRow> group : groups.entrySet()) {
            int index = groupIndexes.get(g++);
            groupCells.add(cell(query, group.getValue(), suppressed.get(index),
                    bands(query, groupBandIndex.getOrDefault(group.getKey(), Map.of()), cells, suppressed)));
        }
        return new AggregateResponse(query.instrument(), query.instrumentVersion(), query.followUpWeeks(), minCellSize,
                groupBy, totalCell, groupCells, notes);
    }

    private static String sortKey(AggregateRow row) {
        String keys = row.keys() == null ? "" : String.join("\u0001", row.keys().stream().map(k -> k == null ? "" : k).toList());
        String band = row.band() == null ? "" : String.format("%02d", DoseBand.ofLabel(row.band()).ordinal());
        return keys + "\u0000" + band;
    }

    private static List<CellResponse> bands(AggregateQuery query, Map<String, Integer> indexes, List<AggregateRow> cells,
            Map<Integer, SuppressionReason> suppressed) {
        List<CellResponse> result = new ArrayList<>();
        for (Integer index : indexes.values()) {
            result.add(cell(query, cells.get(index), suppressed.get(index), null));
        }
        return result;
    }

    private static String label(AggregateQuery query, AggregateRow row) {
        List<String> parts = new ArrayList<>();
        if (row.keys() == null) {
            parts.add("total");
        } else {
            for (int i = 0; i < row.keys().size(); i++) {
                parts.add(query.groupBy().get(i).jsonName() + "=" + row.keys().get(i));
            }
        }
        if (row.band() != null) {
            parts.add("sessions=" + row.band());
        }
        return String.join(", ", parts);
    }

    private static Map<String, String> group(AggregateQuery query, AggregateRow row) {
        Map<String, String> group = new LinkedHashMap<>();
        if (row.keys() != null) {
            for (int i = 0; i < row.keys().size(); i++) {
                group.put(query.groupBy().get(i).jsonName(), row.keys().get(i));
            }
        }
        return group;
    }

    private static CellResponse cell(AggregateQuery query, AggregateRow row, SuppressionReason reason,
            List<CellResponse> doseResponse) {
        if (reason != null) {
            return new CellResponse(group(query, row), row.band(), true, reason.name(), null, null, null, null, null,
                    null, null, null, null, null, null, doseResponse);
        }
        MeanInterval change = MeanInterval.of(row.episodes(), row.changeMean(), row.changeSd());
        return new CellResponse(group(query, row), row.band(), false, null, row.patients(), row.episodes(),
                new CellResponse.MeanResponse(round(row.baselineMean()), round(row.baselineSd()), null, null),
                new CellResponse.MeanResponse(round(row.followUpMean()), round(row.followUpSd()), null, null),
                new CellResponse.MeanResponse(round(change.mean()), round(change.sd()), round(change.lower()), round(change.upper())),
                ratio(row.changeMean(), row.changeSd()), ratio(row.changeMean(), row.baselineSd()),
                rate(row.responderMcid(), row.responderMcidDefined()),
                rate(row.improved30(), row.improved30Defined()),
                rate(row.improved50(), row.improved50Defined()),
                rate(row.deteriorated(), row.deterioratedDefined()),
                doseResponse);
    }

    private static BigDecimal ratio(double numerator, Double denominator) {
        return denominator == null || denominator == 0 ? null : round(numerator / denominator);
    }

    private static CellResponse.RateResponse rate(long events, long n) {
        if (n == 0) {
            return null;
        }
        Proportion proportion = Proportion.wilson(events, n);
        return new CellResponse.RateResponse(n, round(proportion.rate()), round(proportion.lower()), round(proportion.upper()));
    }

    static BigDecimal round(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
