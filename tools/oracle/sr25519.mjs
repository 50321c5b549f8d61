// Crypto oracle for TaoSharp.Crypto's Oracle* tests.
// Protocol: one JSON request per stdin line, one JSON response per stdout line, in order.
// Byte values are 0x-hex strings. "impl" picks the implementation: "scure" (@scure/sr25519, which
// @polkadot/util-crypto 14 uses) or "schnorrkel" (@polkadot/wasm-crypto, Rust schnorrkel in wasm).
// Errors are reported as {"error": "..."} so a bad request never kills the process.
import readline from 'node:readline';
import * as scure from '@scure/sr25519';
import * as wasm from '@polkadot/wasm-crypto';
import {
  cryptoWaitReady, ed25519PairFromSeed, ed25519Sign, ed25519Verify, encodeAddress, keyExtractPath, keyExtractSuri,
  keyFromPath, mnemonicGenerate, mnemonicToEntropy, mnemonicToMiniSecret
} from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex } from '@polkadot/util';

const hex = (u8a) => u8aToHex(u8a);
const bytes = (h) => hexToU8a(h);

function srPair(impl, req) {
  const mini = bytes(req.mini);
  if (impl === 'scure') {
    const secretKey = scure.secretFromSeed(mini);
    return { publicKey: scure.getPublicKey(secretKey), secretKey };
  }
  if (impl === 'schnorrkel') {
    const full = wasm.sr25519KeypairFromSeed(mini);
    return { secretKey: full.slice(0, 64), publicKey: full.slice(64) };
  }
  throw new Error(`unknown impl ${impl}`);
}

function miniOf(req) {
  if (req.mnemonic !== undefined) {
    return mnemonicToMiniSecret(req.mnemonic, req.password ?? '');
  }
  return bytes(req.mini);
}

function derive(req) {
  const { path } = keyExtractPath(req.path);
  const junctions = path.map((j) => ({ hard: j.isHard, chainCode: hex(j.chainCode) }));
  const mini = miniOf(req);
  const scheme = req.scheme ?? 'sr25519';
  if (scheme === 'ed25519') {
    const pair = keyFromPath(ed25519PairFromSeed(mini), path, 'ed25519');
    return { public: hex(pair.publicKey), seed: hex(pair.secretKey.slice(0, 32)), mini: hex(mini), junctions };
  }
  if ((req.impl ?? 'scure') === 'scure') {
    const root = srPair('scure', { mini: hex(mini) });
    const pair = keyFromPath(root, path, 'sr25519');
    return { public: hex(pair.publicKey), secret: hex(pair.secretKey), mini: hex(mini), junctions };
  }
  let full = wasm.sr25519KeypairFromSeed(mini);
  for (const j of path) {
    full = j.isHard ? wasm.sr25519DeriveKeypairHard(full, j.chainCode) : wasm.sr25519DeriveKeypairSoft(full, j.chainCode);
  }
  return { public: hex(full.slice(64)), secret: hex(full.slice(0, 64)), mini: hex(mini), junctions };
}

// A whole secret URI the way polkadot-js's keyring reads it: keyExtractSuri splits phrase, path and password,
// the password salts the mnemonic, then the junctions are applied; the public key is also given as SS58 for each prefix.
function suri(req) {
  const { phrase, path, password } = keyExtractSuri(req.suri);
  const mini = mnemonicToMiniSecret(phrase, password ?? '');
  const scheme = req.scheme ?? 'sr25519';
  const root = scheme === 'ed25519' ? ed25519PairFromSeed(mini) : srPair('scure', { mini: hex(mini) });
  const pair = keyFromPath(root, path, scheme);
  return {
    public: hex(pair.publicKey),
    entropy: hex(mnemonicToEntropy(phrase)),
    password: password ?? null,
    junctions: path.map((j) => ({ hard: j.isHard, chainCode: hex(j.chainCode) })),
    addresses: (req.prefixes ?? []).map((p) => encodeAddress(pair.publicKey, p)),
  };
}

const handlers = {
  keypair: (req) => {
    const p = srPair(req.impl, req);
    return { public: hex(p.publicKey), secret: hex(p.secretKey) };
  },
  sign: (req) => {
    const p = srPair(req.impl, req);
    const msg = bytes(req.msg);
    const signature = req.impl === 'scure'
      ? scure.sign(p.secretKey, msg)
      : wasm.sr25519Sign(p.publicKey, p.secretKey, msg);
    return { public: hex(p.publicKey), signature: hex(signature) };
  },
  verify: (req) => {
    const msg = bytes(req.msg);
    const sig = bytes(req.signature);
    const pub = bytes(req.public);
    const valid = req.impl === 'scure' ? scure.verify(msg, sig, pub) : wasm.sr25519Verify(sig, msg, pub);
    return { valid };
  },
  derive,
  // Many SURIs in one round trip; each case fails on its own ({"error": ...}) without failing the batch.
  suriBatch: (req) => ({
    results: req.cases.map((c) => {
      try {
        return suri(c);
      } catch (e) {
        return { error: String(e?.message ?? e) };
      }
    }),
  }),
  derivePublicSoft: (req) => {
    const pub = bytes(req.public);
    const cc = bytes(req.chainCode);
    const derived = req.impl === 'scure' ? scure.HDKD.publicSoft(pub, cc) : wasm.sr25519DerivePublicSoft(pub, cc);
    return { public: hex(derived) };
  },
  mnemonic: (req) => {
    const mnemonic = mnemonicGenerate(req.words ?? 12);
    return { mnemonic, entropy: hex(mnemonicToEntropy(mnemonic)), mini: hex(mnemonicToMiniSecret(mnemonic, req.password ?? '')) };
  },
  ed25519Sign: (req) => {
    const pair = ed25519PairFromSeed(bytes(req.seed));
    return { public: hex(pair.publicKey), signature: hex(ed25519Sign(bytes(req.msg), pair)) };
  },
  ed25519Verify: (req) => ({ valid: ed25519Verify(bytes(req.msg), bytes(req.signature), bytes(req.public)) }),
};

await cryptoWaitReady();
await wasm.waitReady();

const rl = readline.createInterface({ input: process.stdin, terminal: false });
for await (const line of rl) {
  if (line.trim() === '') continue;
  let response;
  try {
    const req = JSON.parse(line);
    const handler = handlers[req.op];
    if (!handler) throw new Error(`unknown op ${req.op}`);
    response = handler(req);
  } catch (e) {
    response = { error: String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify(response) + '\n');
}
