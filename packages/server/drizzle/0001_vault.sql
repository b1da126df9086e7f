CREATE TABLE "vault_ceremonies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"rp_id" text NOT NULL,
	"challenge" text NOT NULL,
	"user_handle" text,
	"credential_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "vault_ceremonies_known_kind" CHECK (kind in ('registration', 'authentication'))
);
--> statement-breakpoint
CREATE TABLE "vault_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"rp_id" text NOT NULL,
	"user_handle" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"counter" bigint NOT NULL,
	"transports" text[] NOT NULL,
	"mode" text NOT NULL,
	"kek_id" text,
	"wrapped_data_key" "bytea",
	"iv" "bytea",
	"sealed_key" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "vault_credentials_known_mode" CHECK (mode in ('pending', 'prf', 'vault')),
	CONSTRAINT "vault_credentials_key_only_in_vault_mode" CHECK ((mode = 'vault' and kek_id is not null and wrapped_data_key is not null and iv is not null and sealed_key is not null)
       or (mode <> 'vault' and kek_id is null and wrapped_data_key is null and iv is null and sealed_key is null))
);
--> statement-breakpoint
CREATE INDEX "vault_ceremonies_expires_at" ON "vault_ceremonies" USING btree ("expires_at");