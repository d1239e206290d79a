/*
 * Siaga Pilkada: Tasklist in Bahasa Indonesia, for every officer whatever their browser's language.
 * This file replaces the stock app/tasklist/scripts/config.js of camunda-webapp-webjar (it is
 * found first on the classpath); everything below the locales is the stock configuration (7.24.0) with
 * the shortcut descriptions translated. Labels and date names: ../locales/id.json.
 * See docs/architecture.md, "Every webapp in Bahasa Indonesia".
 *
 * Stock file: Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH under one or
 * more contributor license agreements, Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0).
 */

export default {
  // Indonesian only: "id" is also the fallback, so a browser set to English (or anything else)
  // gets Indonesian too. Each webapp has its own config.js (Admin and the welcome page: the same
  // locales).
  locales: {
    availableLocales: ['id'],
    fallbackLocale: 'id'
  },

  // Date formats are moment.js formats; id.json's dateLocales define them in Indonesian
  // (LLL = "20 Desember 2026 pukul 09:37").
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'mengambil tugas yang sedang dipilih'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'memindahkan fokus ke filter pertama di daftar'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'memindahkan fokus ke tugas pertama di daftar'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'memindahkan fokus ke kolom isian pertama di formulir tugas'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'membuka dialog Mulai proses'
    }
  }
};
