import { describeUpdateStoreContract, memoryUpdateStore } from "../support/storage-contract";

describeUpdateStoreContract("memory", async () => memoryUpdateStore());
