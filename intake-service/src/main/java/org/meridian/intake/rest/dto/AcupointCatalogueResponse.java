package org.meridian.intake.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcupointCatalogue", description = "The WHO standard acupuncture points the service accepts")
public record AcupointCatalogueResponse(
        @Schema(
                examples = "WHO Standard Acupuncture Point Locations in the Western Pacific Region (2008)",
                maxLength = 200)
        String source,

        @Schema(examples = "409", minimum = "0", maximum = "409")
        int totalItems,

        @Schema(maxItems = 409) List<AcupointResponse> items) {}
