package org.meridian.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meridian.intake.domain.Acupoint;

class AcupointCatalogueTest {

    private final AcupointCatalogue catalogue = new AcupointCatalogue();

    @Test
    void holdsAll361MeridianPointsWithTheWhoCountPerMeridian() {
        Map<String, Long> perMeridian =
                catalogue.all().stream().collect(Collectors.groupingBy(Acupoint::meridian, Collectors.counting()));
        assertThat(perMeridian)
                .containsEntry("LU", 11L)
                .containsEntry("LI", 20L)
                .containsEntry("ST", 45L)
                .containsEntry("SP", 21L)
                .containsEntry("HT", 9L)
                .containsEntry("SI", 19L)
                .containsEntry("BL", 67L)
                .containsEntry("KI", 27L)
                .containsEntry("PC", 9L)
                .containsEntry("TE", 23L)
                .containsEntry("GB", 44L)
                .containsEntry("LR", 14L)
                .containsEntry("GV", 28L)
                .containsEntry("CV", 24L)
                .containsEntry("EX", 48L);
        assertThat(catalogue.all()).hasSize(361 + 48);
    }

    @Test
    void knowsTheCommonBackPainPoints() {
        assertThat(catalogue.find("BL23")).get().extracting(Acupoint::name).isEqualTo("Shenshu");
        assertThat(catalogue.find("BL40")).get().extracting(Acupoint::name).isEqualTo("Weizhong");
        assertThat(catalogue.find("GB30")).get().extracting(Acupoint::name).isEqualTo("Huantiao");
        assertThat(catalogue.find("GV4")).get().extracting(Acupoint::name).isEqualTo("Mingmen");
        assertThat(catalogue.find("EX-B2")).get().extracting(Acupoint::name).isEqualTo("Huatuojiaji");
    }

    @Test
    void marksGovernorAndConceptionVesselPointsAsMidline() {
        assertThat(catalogue.find("GV4")).get().extracting(Acupoint::midline).isEqualTo(true);
        assertThat(catalogue.find("CV6")).get().extracting(Acupoint::midline).isEqualTo(true);
        assertThat(catalogue.find("BL23")).get().extracting(Acupoint::midline).isEqualTo(false);
    }

    @Test
    void findsCodesCaseInsensitivelyAndRejectsUnknownOnes() {
        assertThat(catalogue.find(" bl25 ")).get().extracting(Acupoint::code).isEqualTo("BL25");
        assertThat(catalogue.find("BL68")).isEmpty();
        assertThat(catalogue.find("SJ5")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }
}
