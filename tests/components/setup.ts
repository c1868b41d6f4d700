import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Testing Library unmounts between tests by itself only when the runner's globals are on; here they are off.
afterEach(cleanup);
// findBy… waits this long for what a person would see: the first render loads the lazy parts
// (the schema, the dialogs), and the machine may be busy. A ceiling, not an assertion.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has <dialog> but not its methods: give it the open state a browser's showModal and close set.
// (Not the modality: the rest of the page stays reachable in these tests.)
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event("close"));
};
