// Type tests: what an app's compiler accepts and refuses. Vitest checks them with tsc, so each
// `@ts-expect-error` fails the run if the kit starts accepting what it should refuse.
import { expectTypeOf } from 'vitest';
import type {
  BackupKitError,
  BackupKitErrorCode,
  BackupMethod,
  CreatePortalOptions,
  PortalLike,
  RecoveryState,
} from '@backup-kit/core';
import { createFakePortal } from '@backup-kit/core/testing';
import {
  BackupButton,
  BackupKitProvider,
  BackupStatus,
  PasskeySetup,
  PasswordBackup,
  RecoverWallet,
  useBackup,
  useBackupStatus,
  usePasskeySetup,
  usePasswordBackup,
  useRecovery,
  type BackupButtonProps,
  type StartableBackupMethod,
  type UseBackupResult,
} from './index.js';

const portal: PortalLike = createFakePortal();
const portalOptions: CreatePortalOptions = { rpcConfig: { 'eip155:11155111': 'http://localhost:8545' } };

describe('BackupKitProvider', () => {
  it('takes a Portal instance or options for one, never both and never neither', () => {
    <BackupKitProvider portal={portal} />;
    <BackupKitProvider portalOptions={portalOptions} />;
    // @ts-expect-error both a Portal and options for another one
    <BackupKitProvider portal={portal} portalOptions={portalOptions} />;
    // @ts-expect-error no Portal at all
    <BackupKitProvider />;
    // @ts-expect-error time limits go with an instance; createPortal options carry their own
    <BackupKitProvider portalOptions={portalOptions} timeouts={{ callMs: 1000 }} />;
  });

  it('takes the passkey options once, in the seed names', () => {
    const passkey = {
      customDomain: 'https://passkeys.example.com',
      relyingPartyId: 'example.com',
      relyingPartyName: 'Example',
      usePopup: false,
    };
    <BackupKitProvider
      portalOptions={portalOptions}
      passkey={passkey}
      passkeyWindow={{ url: 'https://portal.example/passkey' }}
    />;
    // @ts-expect-error the seed calls it relyingPartyId
    <BackupKitProvider portalOptions={portalOptions} passkey={{ ...passkey, rpId: 'example.com' }} />;
  });
});

describe('BackupButton', () => {
  it('starts only the methods an app can ask for', () => {
    expectTypeOf<BackupButtonProps['method']>().toEqualTypeOf<StartableBackupMethod>();
    expectTypeOf<StartableBackupMethod>().toEqualTypeOf<'PASSKEY' | 'PASSWORD' | 'GDRIVE'>();
    // @ts-expect-error UNKNOWN is what Portal reports, not a way to back up
    <BackupButton.DropIn method="UNKNOWN" />;
    // @ts-expect-error a method is required
    <BackupButton.DropIn />;
  });

  it('hands onError a BackupKitError whose code is a known union', () => {
    <BackupButton.DropIn
      method="PASSWORD"
      onError={(error) => {
        expectTypeOf(error).toEqualTypeOf<BackupKitError>();
        expectTypeOf(error.code).toEqualTypeOf<BackupKitErrorCode>();
      }}
    />;
    expectTypeOf<BackupKitErrorCode>().not.toEqualTypeOf<string>();
  });

  it('refuses labels it does not have, and takes any subset of those it has', () => {
    <BackupButton.DropIn method="GDRIVE" labels={{ trigger: 'Back up to Drive' }} />;
    // @ts-expect-error a typo in a label key is caught, not silently ignored
    <BackupButton.DropIn method="GDRIVE" labels={{ triger: 'Back up' }} />;
  });

  it('forwards its ref to the root element', () => {
    <BackupButton.DropIn
      method="PASSWORD"
      ref={(node) => {
        expectTypeOf(node).toEqualTypeOf<HTMLDivElement | null>();
      }}
    />;
  });
});

describe('PasswordBackup and RecoverWallet', () => {
  it('take a class per named part, and only for parts they have', () => {
    <PasswordBackup.DropIn classNames={{ input: 'a', visibilityToggle: 'b', acknowledge: 'c' }} />;
    // @ts-expect-error PasswordBackup has no methods list
    <PasswordBackup.DropIn classNames={{ methods: 'a' }} />;
    <RecoverWallet.DropIn classNames={{ methods: 'a', fieldError: 'b' }} />;
    // @ts-expect-error RecoverWallet has no strength meter
    <RecoverWallet.DropIn classNames={{ strength: 'a' }} />;
  });
});

describe('PasskeySetup', () => {
  it('reads the custom-domain options from the provider or a prop, backs up by passkey only, and names its paths', () => {
    const passkey = {
      customDomain: 'https://passkeys.example.com',
      relyingPartyId: 'example.com',
      relyingPartyName: 'Example',
    };
    <PasskeySetup.DropIn passkey={passkey} path="direct" fallback={<span />} />;
    // The provider's `passkey` is the default.
    <PasskeySetup.DropIn />;
    // @ts-expect-error PasskeySetup has no method: it is always a passkey
    <PasskeySetup.DropIn passkey={passkey} method="PASSWORD" />;
    // @ts-expect-error only auto, seed, sdk or direct
    <PasskeySetup.DropIn passkey={passkey} path="popup" />;
  });
});

describe('useBackup', () => {
  it('reports the flow state as the union core defines', () => {
    expectTypeOf<UseBackupResult['state']>().toEqualTypeOf<
      'checking' | 'idle' | 'backing-up' | 'storing' | 'notifying' | 'success' | 'error'
    >();
  });
});

describe('RootProvider', () => {
  it('takes the result of its own hook, and no hook option beside it', () => {
    const backup = useBackup({ method: 'GDRIVE' });
    <BackupButton.RootProvider value={backup} password="secret" className="a" />;
    // @ts-expect-error the flow is the app's: hook options go to the hook, not the RootProvider
    <BackupButton.RootProvider value={backup} method="GDRIVE" />;
    // @ts-expect-error a RootProvider needs the flow it shows
    <BackupButton.RootProvider />;
    <PasswordBackup.RootProvider value={usePasswordBackup()} />;
    // @ts-expect-error a plain backup is not a password backup (no policy, no check)
    <PasswordBackup.RootProvider value={backup} />;
    <RecoverWallet.RootProvider value={useRecovery()} methods={['PASSWORD']} />;
    <BackupStatus.RootProvider value={useBackupStatus()} />;
    const passkey = { customDomain: 'https://p.example.com', relyingPartyId: 'example.com', relyingPartyName: 'E' };
    <PasskeySetup.RootProvider value={usePasskeySetup({ passkey })} />;
    // @ts-expect-error another flow's result
    <PasskeySetup.RootProvider value={backup} />;
  });
});

describe('controlled props', () => {
  it('take the Radix trio for password visibility and the recovery method', () => {
    <PasswordBackup.DropIn
      passwordVisible
      onPasswordVisibleChange={(visible) => expectTypeOf(visible).toEqualTypeOf<boolean>()}
    />;
    <PasswordBackup.DropIn defaultPasswordVisible />;
    <RecoverWallet.DropIn
      method="PASSWORD"
      defaultPasswordVisible={false}
      onMethodChange={(method) => expectTypeOf(method).toEqualTypeOf<BackupMethod>()}
    />;
    <RecoverWallet.DropIn defaultMethod="GDRIVE" />;
    // @ts-expect-error a method is a BackupMethod
    <RecoverWallet.DropIn method="EMAIL" />;
    // @ts-expect-error visibility is a boolean
    <PasswordBackup.DropIn passwordVisible="yes" />;
  });

  it('writes wrong-password and empty as RecoverWallet states of core', () => {
    expectTypeOf<'wrong-password' | 'empty'>().toExtend<RecoveryState>();
  });
});
