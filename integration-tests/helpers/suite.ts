import { MedusaSuiteOptions } from "@medusajs/test-utils"
import { AxiosInstance } from "axios"

/** What medusaIntegrationTestRunner gives a suite, its HTTP client typed as what it is (the runner says any). */
export type HttpSuite = Omit<MedusaSuiteOptions, "api"> & { api: AxiosInstance }
