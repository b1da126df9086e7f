CREATE TABLE "custodian_backup_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"backup_method" text NOT NULL,
	"kek_id" text NOT NULL,
	"wrapped_data_key" "bytea" NOT NULL,
	"iv" "bytea" NOT NULL,
	"sealed_share" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custodian_backup_shares_known_method" CHECK (backup_method in ('GDRIVE', 'PASSWORD', 'PASSKEY', 'UNKNOWN', 'CUSTOM'))
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_backup_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"backup_method" text NOT NULL,
	"cipher_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_backup_shares_known_method" CHECK (backup_method in ('GDRIVE', 'PASSWORD', 'PASSKEY', 'UNKNOWN', 'CUSTOM'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "custodian_backup_shares_client_method" ON "custodian_backup_shares" USING btree ("client_id","backup_method");--> statement-breakpoint
CREATE UNIQUE INDEX "user_backup_shares_user_method" ON "user_backup_shares" USING btree ("user_id","backup_method");