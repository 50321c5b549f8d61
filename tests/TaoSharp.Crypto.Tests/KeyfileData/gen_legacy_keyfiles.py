# Generates legacy keyfile fixtures (Fernet as bittensor <= 3.x, Ansible Vault 1.1 as bittensor <= 5.x) with Python's
# `cryptography` package, independently of the C# code under test.
import base64, binascii, hashlib, hmac, json, os, time
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

plaintext = json.loads(open('../../../../shared/vectors/keys/keyfile_nacl.json').read())['plaintext_utf8'].encode()
password = 'legacy-test-password'
salt = b"Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins"
fkey = hashlib.pbkdf2_hmac('sha256', password.encode(), salt, 10_000_000, 32)
token = Fernet(base64.urlsafe_b64encode(fkey)).encrypt(plaintext)

vsalt = os.urandom(32)
d = hashlib.pbkdf2_hmac('sha256', password.encode(), vsalt, 10000, 80)
k1, k2, iv = d[:32], d[32:64], d[64:]
padder = padding.PKCS7(128).padder()
padded = padder.update(plaintext) + padder.finalize()
enc = Cipher(algorithms.AES(k1), modes.CTR(iv)).encryptor()
ct = enc.update(padded) + enc.finalize()
mac = hmac.new(k2, ct, hashlib.sha256).hexdigest()
body = binascii.hexlify(b"\n".join([binascii.hexlify(vsalt), mac.encode(), binascii.hexlify(ct)])).decode()
vault = "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(body[i:i+80] for i in range(0, len(body), 80)) + "\n"

json.dump({
  "source": "generated for TaoSharp tests with Python cryptography 48 (Fernet) and hashlib/AES-CTR per Ansible Vault 1.1, see /tmp generator in the commit message; plaintext = keyfile_nacl.json plaintext_utf8",
  "password": password,
  "plaintext_utf8": plaintext.decode(),
  "fernet_key_hex": fkey.hex(),
  "fernet_file": token.decode(),
  "ansible_vault_file": vault,
}, open('legacy_keyfiles.json', 'w'), indent=2)
print("ok")
