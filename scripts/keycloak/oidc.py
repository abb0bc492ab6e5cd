#!/usr/bin/env python3
"""OpenID Connect flows against Keycloak and its admin REST API, for Meridian's scripts (Python standard library only).

Used by scripts/keycloak-token.sh, scripts/demo/keycloak.sh and the end-to-end suite (scripts/keycloak/suite.py).
A sign-in is what a mobile app or a browser does: authorization code with PKCE (S256), driving Keycloak's own login
form with a cookie jar; nothing uses the password grant, which the realm's clients do not allow.

Command line (settings from the environment that scripts/run.sh writes to .run/keycloak.env):
  oidc.py token ROLE[,ROLE...] [--clinic ID] [--practitioner ID] [--patient ID] [--pseudonym ID] [--sub NAME]
      makes sure a user NAME (default demo-<first role>) has exactly these roles and claims, signs in as that user
      through the meridian-cli client and prints the access token (what scripts/token.sh does with the local key)
  oidc.py demo
      the demo's users and EHR client for the ids in the environment (.run/demo.env); prints the EHR client's
      settings as shell lines for .run/keycloak.env
"""
import base64
import hashlib
import html
import http.cookiejar
import json
import os
import re
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ROLES = ("patient", "practitioner", "clinic-admin", "researcher", "admin", "research-export")
CLAIM_ATTRIBUTES = ("clinic_id", "practitioner_id", "patient_id", "pseudonym_id")
LOOPBACK_REDIRECT = "http://127.0.0.1/callback"


class OidcError(Exception):
    pass


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None

    def header(self, name):
        return self.headers.get(name)

    def __repr__(self):
        return "HTTP %s %s" % (self.status, self.body[:300].decode("utf-8", "replace"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class _LoopbackCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Browsers treat http://localhost as a secure context and send Secure cookies to it; so does this client."""

    def return_ok_secure(self, cookie, request):
        host = urllib.parse.urlsplit(request.get_full_url()).hostname
        return True if host in ("localhost", "127.0.0.1") else super().return_ok_secure(cookie, request)


class Http:
    """An HTTP client that follows no redirect (a sign-in reads each Location) and keeps cookies when asked."""

    def __init__(self, cookies=False):
        handlers = [_NoRedirect()]
        if cookies:
            self.jar = http.cookiejar.CookieJar(policy=_LoopbackCookiePolicy())
            handlers.append(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, method, url, form=None, json_body=None, headers=None, timeout=30):
        data = None
        all_headers = dict(headers or {})
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif json_body is not None:
            data = json.dumps(json_body).encode()
            all_headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=data, headers=all_headers, method=method)
        try:
            with self.opener.open(req, timeout=timeout) as resp:
                return Response(resp.status, resp.headers, resp.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def pkce_pair():
    verifier = b64url(secrets.token_bytes(48))
    return verifier, b64url(hashlib.sha256(verifier.encode()).digest())


def claims(token):
    """The payload of a JWT, unverified: for looking at what Keycloak put in a token."""
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def header(token):
    head = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))


class Realm:
    """One realm's OpenID Connect endpoints."""

    def __init__(self, base_url, realm):
        self.base_url = base_url.rstrip("/")
        self.realm = realm
        self.issuer = "%s/realms/%s" % (self.base_url, realm)
        self.endpoint = self.issuer + "/protocol/openid-connect"
        self.http = Http()

    def token_request(self, form):
        return self.http.request("POST", self.endpoint + "/token", form=form)

    def _tokens(self, form):
        resp = self.token_request(form)
        if resp.status != 200:
            raise OidcError("token endpoint: %r" % resp)
        return resp.json()

    def start_login(self, client_id, redirect_uri=LOOPBACK_REDIRECT, scope="openid", challenge=None,
                    challenge_method="S256", extra=None):
        """Opens the authorization endpoint in a fresh browser (cookie jar); returns (browser, response, state)."""
        browser = Http(cookies=True)
        state = secrets.token_urlsafe(16)
        params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "scope": scope,
                  "state": state, "nonce": secrets.token_urlsafe(16)}
        if challenge is not None:
            params.update({"code_challenge": challenge, "code_challenge_method": challenge_method})
        params.update(extra or {})
        resp = browser.request("GET", self.endpoint + "/auth?" + urllib.parse.urlencode(params))
        return browser, resp, state

    @staticmethod
    def submit_credentials(browser, login_page, username, password):
        """Fills Keycloak's login form like a person would; returns the answer (a redirect on success)."""
        page = login_page.body.decode("utf-8", "replace")
        match = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', page) \
            or re.search(r'<form[^>]*action="([^"]+)"[^>]*id="kc-form-login"', page)
        if not match:
            raise OidcError("no login form on the page (HTTP %s): %s" % (login_page.status, _page_message(page)))
        action = html.unescape(match.group(1))
        return browser.request("POST", action, form={"username": username, "password": password, "credentialId": ""})

    def login(self, client_id, username, password, redirect_uri=LOOPBACK_REDIRECT, scope="openid", extra=None):
        """Authorization code with PKCE (S256) through the login form; returns the token response. extra: further
        authorization request parameters (SMART's launch)."""
        verifier, challenge = pkce_pair()
        browser, page, state = self.start_login(client_id, redirect_uri, scope, challenge, extra=extra)
        answer = self.submit_credentials(browser, page, username, password)
        code = self.code_from(answer, redirect_uri, state)
        return self.exchange(client_id, code, redirect_uri, verifier)

    @staticmethod
    def code_from(answer, redirect_uri, state):
        location = answer.header("Location") or ""
        if answer.status not in (302, 303) or not location.startswith(redirect_uri.split("?")[0]):
            raise OidcError("sign-in did not come back to %s: HTTP %s %s" % (
                redirect_uri, answer.status, location or _page_message(answer.body.decode("utf-8", "replace"))))
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
        if query.get("state") != [state]:
            raise OidcError("the state came back changed: %s" % location)
        if "code" not in query:
            raise OidcError("no code in %s" % location)
        return query["code"][0]

    def exchange(self, client_id, code, redirect_uri, verifier, secret=None):
        form = {"grant_type": "authorization_code", "client_id": client_id, "code": code, "redirect_uri": redirect_uri}
        if verifier is not None:
            form["code_verifier"] = verifier
        if secret is not None:
            form["client_secret"] = secret
        return self._tokens(form)

    def client_credentials(self, client_id, secret):
        return self._tokens({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret})

    def refresh(self, client_id, refresh_token):
        return self.token_request({"grant_type": "refresh_token", "client_id": client_id,
                                   "refresh_token": refresh_token})

    def logout(self, client_id, refresh_token):
        """Ends the sign-in's session (RP-initiated logout from an app that holds a refresh token)."""
        return self.http.request("POST", self.endpoint + "/logout",
                                 form={"client_id": client_id, "refresh_token": refresh_token})

    def revoke(self, client_id, token, hint="refresh_token"):
        return self.http.request("POST", self.endpoint + "/revoke",
                                 form={"client_id": client_id, "token": token, "token_type_hint": hint})


def _page_message(page):
    match = re.search(r'class="[^"]*(?:kc-feedback-text|alert)[^"]*"[^>]*>\s*([^<]+)', page) \
        or re.search(r"<title>([^<]*)</title>", page)
    return match.group(1).strip() if match else page[:200]


class Admin:
    """Keycloak's admin REST API as the master realm's bootstrap service account (client credentials)."""

    def __init__(self, base_url, client_id, secret):
        self.base_url = base_url.rstrip("/")
        self.master = Realm(base_url, "master")
        self.client_id = client_id
        self.secret = secret
        self.http = Http()
        self._token = None

    @classmethod
    def from_environment(cls):
        secret = os.environ.get("MERIDIAN_KEYCLOAK_ADMIN_CLIENT_SECRET")
        if not secret:
            with open(os.environ["MERIDIAN_KEYCLOAK_ADMIN_CLIENT_SECRET_FILE"]) as f:
                secret = f.read().strip()
        return cls(os.environ["MERIDIAN_KEYCLOAK_URL"], os.environ.get("MERIDIAN_KEYCLOAK_ADMIN_CLIENT_ID",
                                                                        "meridian-admin"), secret)

    def call(self, method, path, body=None, expect=(200, 201, 204)):
        for attempt in (1, 2):
            if self._token is None:
                try:
                    self._token = self.master.client_credentials(self.client_id, self.secret)["access_token"]
                except OidcError as e:
                    raise OidcError("Keycloak refuses the admin service account %s (%s). Keycloak takes it from the "
                                    "secret in .run/keys at the first start only: if that file changed since, drop "
                                    "Keycloak's database (MERIDIAN_KEYCLOAK_DB_NAME) and start again" % (self.client_id, e))
            resp = self.http.request(method, self.base_url + "/admin/realms" + path, json_body=body,
                                     headers={"Authorization": "Bearer " + self._token})
            if resp.status == 401 and attempt == 1:
                self._token = None  # expired: the admin token lives a minute
                continue
            if expect and resp.status not in expect:
                raise OidcError("%s %s: %r" % (method, path, resp))
            return resp

    def get(self, path):
        return self.call("GET", path).json()

    @staticmethod
    def created_id(resp):
        return resp.header("Location").rstrip("/").rsplit("/", 1)[1]

    # Users

    def find_user(self, realm, username):
        found = self.get("/%s/users?exact=true&username=%s" % (realm, urllib.parse.quote(username)))
        return found[0] if found else None

    def ensure_user(self, realm, username, password, roles, attributes, first_name=None, last_name=None):
        """Makes the user exist with exactly these realm roles and Meridian claim attributes, and this password."""
        user = self.find_user(realm, username)
        if user is None:
            resp = self.call("POST", "/%s/users" % realm, {"username": username, "enabled": True,
                                                          "emailVerified": True, "requiredActions": []})
            user = self.get("/%s/users/%s" % (realm, self.created_id(resp)))
        user_id = user["id"]
        wanted = dict((user.get("attributes") or {}))
        for name in CLAIM_ATTRIBUTES + ("fhir_user",):
            wanted.pop(name, None)
        wanted.update({name: [value] for name, value in attributes.items() if value})
        # SMART's fhirUser claim (scope fhirUser): the user's own FHIR resource, from the ids they are given.
        if attributes.get("practitioner_id"):
            wanted["fhir_user"] = ["Practitioner/" + attributes["practitioner_id"]]
        elif attributes.get("patient_id"):
            wanted["fhir_user"] = ["Patient/" + attributes["patient_id"]]
        user.update({"enabled": True, "attributes": wanted, "requiredActions": [],
                     "firstName": first_name or user.get("firstName") or username,
                     "lastName": last_name or user.get("lastName") or "(demo)"})
        self.call("PUT", "/%s/users/%s" % (realm, user_id), user)
        self.call("PUT", "/%s/users/%s/reset-password" % (realm, user_id),
                  {"type": "password", "value": password, "temporary": False})
        self.set_realm_roles(realm, "/%s/users/%s" % (realm, user_id), roles)
        return user_id

    def set_realm_roles(self, realm, subject_path, roles):
        unknown = set(roles) - set(ROLES)
        if unknown:
            raise OidcError("unknown role(s) %s" % ", ".join(sorted(unknown)))
        current = {r["name"]: r for r in self.get(subject_path + "/role-mappings/realm")}
        remove = [r for name, r in current.items() if name in ROLES and name not in roles]
        add = [self.get("/%s/roles/%s" % (realm, name)) for name in roles if name not in current]
        if remove:
            self.call("DELETE", subject_path + "/role-mappings/realm", remove)
        if add:
            self.call("POST", subject_path + "/role-mappings/realm", add)

    # Clients

    def find_client(self, realm, client_id):
        found = self.get("/%s/clients?clientId=%s" % (realm, urllib.parse.quote(client_id)))
        return found[0] if found else None

    def ensure_ehr_client(self, realm, template, client_id, name, clinic_id, roles, overrides=None):
        """A confidential EHR client from a template in deploy/keycloak/clients/: its service account carries the
        clinic (claim clinic_id) and the roles. Creates it if missing, keeps its secret otherwise."""
        client = self.find_client(realm, client_id)
        if client is None:
            with open(template) as f:
                rep = json.load(f)
            rep.update({"clientId": client_id, "name": name})
            rep.update(overrides or {})
            self.created_id(self.call("POST", "/%s/clients" % realm, rep))
            client = self.find_client(realm, client_id)
        account = self.get("/%s/clients/%s/service-account-user" % (realm, client["id"]))
        attributes = dict(account.get("attributes") or {})
        attributes["clinic_id"] = [clinic_id]
        account["attributes"] = attributes
        self.call("PUT", "/%s/users/%s" % (realm, account["id"]), account)
        self.set_realm_roles(realm, "/%s/users/%s" % (realm, account["id"]), roles)
        if client.get("clientAuthenticatorType", "client-secret") != "client-secret":
            return None
        return self.get("/%s/clients/%s/client-secret" % (realm, client["id"]))["value"]


def demo_password():
    return os.environ.get("MERIDIAN_KEYCLOAK_DEMO_PASSWORD", "meridian-demo-only")


def _parse_token_args(args):
    if not args or args[0].startswith("-"):
        raise SystemExit(__doc__)
    roles = args[0].split(",")
    options = {"--clinic": "clinic_id", "--practitioner": "practitioner_id", "--patient": "patient_id",
               "--pseudonym": "pseudonym_id"}
    attributes, sub, i = {}, "demo-" + roles[0], 1
    while i < len(args):
        if args[i] in options and i + 1 < len(args):
            attributes[options[args[i]]] = args[i + 1]
        elif args[i] == "--sub" and i + 1 < len(args):
            sub = args[i + 1]
        else:
            raise SystemExit("unknown option %s\n%s" % (args[i], __doc__))
        i += 2
    return roles, attributes, sub


def command_token(args):
    roles, attributes, username = _parse_token_args(args)
    realm_name = os.environ.get("MERIDIAN_KEYCLOAK_REALM", "meridian")
    admin = Admin.from_environment()
    admin.ensure_user(realm_name, username, demo_password(), roles, attributes)
    realm = Realm(os.environ["MERIDIAN_KEYCLOAK_URL"], realm_name)
    print(realm.login("meridian-cli", username, demo_password())["access_token"])


# The demo's people in Keycloak: (username, roles, claim attributes from .run/demo.env, first name, last name).
def demo_users(env):
    clinic = env["CLINIC_ID"]
    return [
        ("demo-admin", ["admin"], {}, "Ada", "Operator"),
        ("demo-clinic-admin", ["clinic-admin"], {"clinic_id": clinic}, "Carla", "Admin"),
        ("demo-practitioner", ["practitioner"], {"clinic_id": clinic, "practitioner_id": env["PRACTITIONER_1_ID"]},
         "Mei", "Lin"),
        ("demo-patient", ["patient"], {"clinic_id": clinic, "patient_id": env["PATIENT_1_ID"],
                                       "pseudonym_id": env["PATIENT_1_PSEUDONYM_ID"]}, "Alice", "Nguyen"),
        ("demo-researcher", ["researcher"], {}, "Rosa", "Analyst"),
        ("demo-data-export", ["researcher", "research-export"], {}, "Dana", "Export"),
    ]


EHR_DEMO_CLIENT = "meridian-ehr-demo"
EHR_DEMO_ROLES = ["clinic-admin"]


def command_demo(_args):
    realm_name = os.environ.get("MERIDIAN_KEYCLOAK_REALM", "meridian")
    admin = Admin.from_environment()
    for username, roles, attributes, first, last in demo_users(os.environ):
        admin.ensure_user(realm_name, username, demo_password(), roles, attributes, first, last)
        print("[keycloak-demo] user %s: %s" % (username, ", ".join(roles)), file=sys.stderr)
    secret = admin.ensure_ehr_client(realm_name, os.path.join(ROOT, "deploy/keycloak/clients/ehr-client-secret.json"),
                                     EHR_DEMO_CLIENT, "Harbour Acupuncture Clinic EHR (demo)", os.environ["CLINIC_ID"],
                                     EHR_DEMO_ROLES)
    print("[keycloak-demo] EHR client %s (client credentials) for clinic %s" % (EHR_DEMO_CLIENT, os.environ["CLINIC_ID"]),
          file=sys.stderr)
    print("export MERIDIAN_EHR_CLIENT_ID=%s" % EHR_DEMO_CLIENT)
    print("export MERIDIAN_EHR_CLIENT_SECRET=%s" % secret)


def main(argv):
    commands = {"token": command_token, "demo": command_demo}
    if len(argv) < 2 or argv[1] not in commands:
        raise SystemExit(__doc__)
    try:
        commands[argv[1]](argv[2:])
    except OidcError as e:
        raise SystemExit("[keycloak] %s" % e)


if __name__ == "__main__":
    main(sys.argv)
