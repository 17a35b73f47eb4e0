// A regency's identity provider for the single sign-on test: the certified `oidc-provider`
// package, on loopback, with a few staff accounts and a plain sign-in form. Configured from
// the environment by `tests/sso.rs`; prints "listening" once it answers, and stops when its
// standard input closes (the test ends), so it never outlives the test.
import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI } = process.env;
const issuer = `http://localhost:${PORT}`;
const PASSWORD = 'rahasia-uji';

// Staff as the regency's directory knows them: `groups` is the claim suara maps to a role;
// `mfa` says whether this provider asks them for a second factor (it then says so in `amr`).
const staff = {
  'sari.bkpsdm': { name: 'Sari Wulandari', groups: ['pegawai', 'suara-bkpsdm'], mfa: true },
  'budi.bappeda': { name: 'Budi Santoso', groups: ['pegawai', 'suara-bappeda'], mfa: false },
  'rina.bpkad': { name: 'Rina Kusuma', groups: ['pegawai', 'suara-bpkad'], mfa: false },
  'tono.tanpaperan': { name: 'Tono', groups: ['pegawai'], mfa: false },
  'dua.peran': { name: 'Dwi', groups: ['suara-bkpsdm', 'suara-bappeda'], mfa: true },
  'ani.unit': { name: 'Ani', groups: ['suara-admin-unit'], unit: 'dukcapil', mfa: false },
  'eko.unit': { name: 'Eko', groups: ['suara-admin-unit'], unit: 'dinas-fiktif', mfa: false },
  // Someone at the provider who calls themselves `admin`: never suara's own admin.
  admin: { name: 'Penyusup', groups: ['suara-bkpsdm'], mfa: true },
};

// A key of its own, as a real deployment has (not the package's development keys).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'uji-1', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: ['kunci-cookie-uji'] },
  claims: {
    // In every ID token: who, and how and when they signed in.
    openid: ['sub', 'amr', 'auth_time'],
    profile: ['name', 'preferred_username'],
    groups: ['groups', 'unit'],
  },
  scopes: ['openid', 'profile', 'groups'],
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const person = staff[id];
    if (!person) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id, name: person.name, preferred_username: id, groups: person.groups, unit: person.unit,
        };
      },
    };
  },
  // suara is the regency's own application: no consent screen.
  async loadExistingGrant(ctx) {
    const id = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (id) return ctx.oidc.provider.Grant.find(id);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile groups');
    await grant.save();
    return grant;
  },
});

const page = (uid, error) => `<!doctype html><title>Masuk</title>
<form method="post" action="/interaction/${uid}">${error ? `<p>${error}</p>` : ''}
<input name="username"><input name="password" type="password"><button>Masuk</button></form>`;

const form = (req) => new Promise((resolve) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => resolve(new URLSearchParams(body)));
});

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = req.url.match(/^\/interaction\/([\w-]+)$/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(page(details.uid));
    }
    const fields = await form(req);
    const username = fields.get('username');
    const person = staff[username];
    if (!person || fields.get('password') !== PASSWORD) {
      res.writeHead(401, { 'content-type': 'text/html' });
      return res.end(page(details.uid, 'Salah'));
    }
    const amr = person.mfa ? ['pwd', 'otp', 'mfa'] : ['pwd'];
    return provider.interactionFinished(req, res, { login: { accountId: username, amr } }, {
      mergeWithLastSubmission: false,
    });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    return res.end(String(error));
  }
});

server.listen(Number(PORT), '127.0.0.1', () => console.log('listening'));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
