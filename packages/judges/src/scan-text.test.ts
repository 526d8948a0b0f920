import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from './invalid-options-error';
import { scanText } from './scan-text';

const rulesFound = (text: string) => scanText(text).map((finding) => finding.rule);

describe('scanText', () => {
  it('finds an AWS key with its line and column and redacts it', () => {
    expect(scanText('ok\nexport KEY=AKIAIOSFODNN7EXAMPLE\n')).toEqual([
      { rule: 'aws-access-key-id', kind: 'secret', line: 2, column: 12, excerpt: 'AKIA… (20 chars)' },
    ]);
  });

  it('finds the secret forms it documents', () => {
    expect(rulesFound('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([
      'aws-secret-access-key',
    ]);
    expect(rulesFound('-----BEGIN RSA PRIVATE KEY-----\nMIIE...')).toEqual(['private-key']);
    expect(rulesFound('-----BEGIN OPENSSH PRIVATE KEY-----')).toEqual(['private-key']);
    expect(rulesFound('OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx')).toEqual(['sk-api-key']);
    expect(rulesFound('key: sk-ant-api03-abcdefghijklmnopqrstuv')).toEqual(['sk-api-key']);
    expect(rulesFound(`token ghp_${'a1B2'.repeat(9)}`)).toEqual(['github-token']);
    expect(rulesFound(`github_pat_${'x'.repeat(30)}`)).toEqual(['github-token']);
    expect(rulesFound('xoxb-1234567890-abcdef')).toEqual(['slack-token']);
  });

  it('never repeats a secret in full', () => {
    const secret = `ghp_${'Z'.repeat(36)}`;
    expect(JSON.stringify(scanText(secret))).not.toContain(secret);
  });

  it('finds dangerous calls', () => {
    expect(rulesFound('sudo rm -rf /')).toEqual(['rm-rf-root']);
    expect(rulesFound('rm -fr --no-preserve-root / ;')).toEqual(['rm-rf-root']);
    expect(rulesFound('rm -rf ~')).toEqual(['rm-rf-root']);
    expect(rulesFound('rm -rf /*')).toEqual(['rm-rf-root']);
    expect(rulesFound('curl -fsSL https://example.com/install.sh | sudo bash')).toEqual(['pipe-to-shell']);
    expect(rulesFound('wget -qO- https://x.y | sh')).toEqual(['pipe-to-shell']);
    expect(rulesFound('const f = eval (code);')).toEqual(['eval-call']);
    expect(rulesFound('mkfs.ext4 /dev/sda1')).toEqual(['disk-wipe']);
    expect(rulesFound('dd if=/dev/zero of=/dev/nvme0n1')).toEqual(['disk-wipe']);
    expect(rulesFound(':(){ :|:& };:')).toEqual(['fork-bomb']);
  });

  it('leaves ordinary code alone', () => {
    const text = [
      'rm -rf ./build /tmp/cache',
      'curl https://example.com -o out.json',
      'const sk = "sk-short";',
      'evaluate(x); medieval(y)',
      'AKIA is a prefix',
    ].join('\n');
    expect(scanText(text)).toEqual([]);
  });

  it('orders findings by position across rules', () => {
    expect(rulesFound('eval(x)\ncurl a | sh\nAKIAIOSFODNN7EXAMPLE')).toEqual([
      'eval-call',
      'pipe-to-shell',
      'aws-access-key-id',
    ]);
  });

  it('takes custom rules and refuses malformed ones', () => {
    const rules = [{ id: 'todo', kind: 'dangerous-call' as const, pattern: /TODO/i }];
    expect(scanText('a todo\nTODO', rules).map((finding) => finding.line)).toEqual([1, 2]);
    expect(() => scanText('x', [{ id: 'bad', kind: 'virus', pattern: /x/ }] as never)).toThrow(InvalidOptionsError);
  });
});
