import { loadScenario } from '$lib/scenarios/catalog';
import type { Scenario, TrainingSession } from '$lib/scenarios/types';
import type { SandboxDB } from '$lib/store/db';
import { Live, live, type LiveRead } from '$lib/store/live.svelte';
import { readRun } from '$lib/store/training';
import { readSession } from '$lib/store/training-session';

/**
 * The training session as a window sees it: the shared session record, the active scenario's
 * content (loaded on demand) and its run. Every window reads the same records, so they agree.
 */
export class TrainingView {
	#session: Live<TrainingSession>;
	#run: LiveRead<Awaited<ReturnType<typeof readRun>>>;
	scenario = $state<Scenario | undefined>(undefined);
	loadError = $state<string | null>(null);

	constructor(db: SandboxDB) {
		this.#session = new Live(() => readSession(db));
		this.#run = live(
			() => this.activeId,
			(id) => (id ? readRun(db, id) : undefined)
		);
		$effect(() => {
			const id = this.activeId;
			if (!id) {
				this.scenario = undefined;
				return;
			}
			if (this.scenario?.id === id) return;
			loadScenario(id)
				.then((s) => (this.scenario = s))
				.catch((e) => (this.loadError = (e as Error).message));
		});
	}

	get session(): TrainingSession | undefined {
		return this.#session.current;
	}

	get activeId(): string | null {
		return this.#session.current?.activeScenarioId ?? null;
	}

	get run() {
		return this.#run.current;
	}
}
