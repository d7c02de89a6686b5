// The steps of a contract check: each named, the first failure printed with its name and the process ended with 1, so
// the C# test that runs the script shows what the client could not take.
const steps = [];

export async function step(name, run) {
  try {
    const result = await run();
    steps.push(name);
    return result;
  } catch (error) {
    const body = error?.response?.data ?? error?.body;
    console.error(`FAILED at "${name}": ${String(error?.message ?? error)}${body ? ' ' + JSON.stringify(body) : ''}`);
    process.exit(1);
  }
}

export function expect(condition, what) {
  if (!condition) throw new Error(`expected ${what}`);
}

export function passed(name) {
  steps.push(name);
}

export function done() {
  console.log(JSON.stringify({ ok: true, steps }));
}
