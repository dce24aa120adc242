// The consensus shapes are defined once, next to the routes that render them.
export * from "../../core/consensus-contract";
