package org.meridian.platform.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/** One page of search results as a searchset Bundle with total and self/first/previous/next/last links. */
public final class SearchBundles {

    private SearchBundles() {}

    public static Bundle searchset(List<? extends Resource> page, long total, int pageNumber, int count, UriInfo uri) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal((int) Math.min(total, Integer.MAX_VALUE));
        bundle.getMeta().setLastUpdatedElement(FhirDates.instant(Instant.now()));
        long lastPage = total == 0 ? 0 : (total - 1) / count;
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        bundle.addLink().setRelation("first").setUrl(pageUrl(uri, 0));
        if (pageNumber > 0) {
            bundle.addLink().setRelation("previous").setUrl(pageUrl(uri, Math.min(pageNumber - 1, lastPage)));
        }
        if (pageNumber < lastPage) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(uri, pageNumber + 1));
        }
        bundle.addLink().setRelation("last").setUrl(pageUrl(uri, lastPage));
        String base = FhirUrls.base(uri);
        for (Resource resource : page) {
            bundle.addEntry()
                    .setFullUrl(base + resource.fhirType() + "/"
                            + resource.getIdElement().getIdPart())
                    .setResource(resource)
                    .getSearch()
                    .setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String pageUrl(UriInfo uri, long page) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("_page", page)
                .build()
                .toString();
    }
}
