import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Role } from '@ogp/common';
import { ConfigError, DomainException } from '@ogp/core';
import { createUserRecord } from '@ogp/domain';
import { withDatabase } from './with-database';

const USAGE = `usage: npm run user:create -- --email <email> --name <display name> --role ADMIN|COORDINATOR|REVIEWER
         [--role ...] [--agency <agency slug> ...]   (--agency for coordinators, repeatable)
The password comes from NEW_USER_PASSWORD, or is asked for on the terminal.`;

/** Asks for the password twice without echoing it. */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error('No terminal to ask for the password on: set NEW_USER_PASSWORD instead.');
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      process.stdout.write(question);
      muted = true;
      rl.question('', (answer) => {
        muted = false;
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(
    'Password (12 to 128 characters, not a common one, nor the email or name): ',
  );
  const second = await ask('Same password again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

/**
 * npm run user:create: makes a user (the first administrator, typically) straight in the database, whether the
 * tracker runs or not. With the embedded database it uses the running one, or starts it for the while.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      agency: { type: 'string', multiple: true },
    },
  });
  if (!values.email || !values.name || !values.role?.length) {
    console.error(USAGE);
    return 2;
  }
  const roles = values.role.map((role) => role.toUpperCase());
  const unknown = roles.filter((role) => !Object.values(Role).includes(role as Role));
  if (unknown.length > 0) {
    console.error(`Unknown role ${unknown.join(', ')}: use ADMIN, COORDINATOR or REVIEWER.`);
    return 2;
  }
  const password = process.env.NEW_USER_PASSWORD || (await askPassword());

  try {
    const user = await withDatabase('ogp-tracker-user-create', (db) =>
      db.transaction((manager) =>
        createUserRecord(manager, {
          email: values.email!,
          displayName: values.name!,
          password,
          roles: roles as Role[],
          agencySlugs: values.agency ?? [],
        }),
      ),
    );
    console.log(`Created ${user.email} (${user.roles.join(', ')}). They can sign in now.`);
    return 0;
  } catch (error) {
    if (error instanceof DomainException) {
      console.error(`Not created: ${error.message.replace(/^input\./, '')}`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
