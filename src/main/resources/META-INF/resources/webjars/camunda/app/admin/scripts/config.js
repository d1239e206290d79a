/*
 * Siaga Pilkada: Admin in Bahasa Indonesia, for every administrator whatever their browser's language.
 * This file replaces the stock app/admin/scripts/config.js of camunda-webapp-webjar (it is found
 * first on the classpath); everything below the locales and the app name is the stock configuration
 * (7.24.0). Labels and date names: ../locales/id.json; the Camunda 8 banner is hidden by
 * ../styles/user-styles.css. See docs/architecture.md, "Every webapp in Bahasa Indonesia".
 *
 * Stock file: Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH under one or
 * more contributor license agreements, Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0).
 */

export default {
  // Indonesian only, as in Tasklist: "id" is also the fallback, so a browser set to English (or
  // anything else) gets Indonesian too.
  locales: {
    availableLocales: ['id'],
    fallbackLocale: 'id'
  },

  // The header and the browser tab read "<vendor> <name>": "Siaga Pilkada Admin".
  app: {
    name: 'Admin',
    vendor: 'Siaga Pilkada'
  },

  // // custom libraries and scripts loading and initialization,
  // // see: http://docs.camunda.org/guides/user-guide/#tasklist-customizing-custom-scripts
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'admin' folder)
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
  //     // if you have a folder called `custom-ui` (in the `admin` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // 'runtimeActivityInstanceMetrics': {
  //   'display': true
  // },
  // 'historicActivityInstanceMetrics': {
  //   'adjustablePeriod': true,
  //   'period': {
  //     'unit': 'day'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // userOperationLogAnnotationLength: 4000
};
