-- Generated from src/server/platform/installation-settings.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- readInstallationSetting
select "value"
from "installation_settings"
where "key" = $1;

-- writeInstallationSetting
insert into "installation_settings" ("key", "value")
values ($1, $2)
on conflict ("key") do
update
set "value" = $3, "updated_at" = now();
