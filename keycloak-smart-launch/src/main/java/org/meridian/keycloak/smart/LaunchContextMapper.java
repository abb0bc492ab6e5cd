package org.meridian.keycloak.smart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;

/**
 * SMART on FHIR EHR launch: copies the authorization request's {@code launch} parameter into the access token, the
 * introspection answer and the token response as the claim {@code patient} (both configurable). With {@code
 * user.attribute} set, the value comes from that user attribute instead (the standalone launch's own patient id), which
 * Keycloak's user attribute mapper cannot put into the token response.
 *
 * <p>Keycloak keeps an authorization request parameter it does not know as a note of the client session,
 * {@code client_request_param_<name>}; the stock "User Session Note" mapper reads user-session notes only, so it
 * cannot see it. Meridian's launch handle is the intake Patient id, a UUID; any other value is left out (no claim), so
 * nothing an app sends ends up in a token unless it has that shape. Put the mapper into the client scope {@code
 * launch}: the claim then appears only when that scope is granted.
 */
public class LaunchContextMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCAccessTokenResponseMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "meridian-smart-launch-context-mapper";
    /** The authorization request parameter to copy (default {@code launch}). */
    public static final String REQUEST_PARAMETER = "request.parameter";
    /** When set: the user attribute to copy instead of a request parameter. */
    public static final String USER_ATTRIBUTE = "user.attribute";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty parameter = new ProviderConfigProperty();
        parameter.setName(REQUEST_PARAMETER);
        parameter.setLabel("Authorization request parameter");
        parameter.setHelpText(
                "The parameter of the authorization request whose value becomes the claim"
                        + " (Keycloak keeps it as the client-session note client_request_param_<name>). Only a UUID is copied.");
        parameter.setType(ProviderConfigProperty.STRING_TYPE);
        parameter.setDefaultValue("launch");
        CONFIG.add(parameter);
        ProviderConfigProperty attribute = new ProviderConfigProperty();
        attribute.setName(USER_ATTRIBUTE);
        attribute.setLabel("User attribute (instead)");
        attribute.setHelpText("When set, the claim is this user attribute (e.g. patient_id) rather than the request"
                + " parameter; only a UUID is copied.");
        attribute.setType(ProviderConfigProperty.STRING_TYPE);
        CONFIG.add(attribute);
        OIDCAttributeMapperHelper.addAttributeConfig(CONFIG, LaunchContextMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SMART launch context (authorization request parameter)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Copies an authorization request parameter (SMART's launch) that is a UUID into a claim"
                + " (default patient) of the access token and the token response.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel mapping,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        String value = launchValue(mapping, userSession, clientSessionCtx);
        if (value != null) {
            OIDCAttributeMapperHelper.mapClaim(token, mapping, value);
        }
    }

    @Override
    protected void setClaim(
            AccessTokenResponse response,
            ProtocolMapperModel mapping,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        String value = launchValue(mapping, userSession, clientSessionCtx);
        if (value != null) {
            OIDCAttributeMapperHelper.mapClaim(response, mapping, value);
        }
    }

    static String launchValue(
            ProtocolMapperModel mapping, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        String attribute = mapping.getConfig().get(USER_ATTRIBUTE);
        if (attribute != null && !attribute.isBlank()) {
            String value = userSession == null || userSession.getUser() == null
                    ? null
                    : userSession.getUser().getFirstAttribute(attribute);
            return value != null && UUID.matcher(value).matches() ? value.toLowerCase() : null;
        }
        if (clientSessionCtx == null || clientSessionCtx.getClientSession() == null) {
            return null;
        }
        String parameter = mapping.getConfig().getOrDefault(REQUEST_PARAMETER, "launch");
        if (parameter == null || parameter.isBlank()) {
            parameter = "launch";
        }
        String value = clientSessionCtx
                .getClientSession()
                .getNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + parameter);
        return value != null && UUID.matcher(value).matches() ? value.toLowerCase() : null;
    }
}
